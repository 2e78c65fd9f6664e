import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);

const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  RALLY_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  /** Signs links in emails; at least 32 characters. */
  RALLY_SECRET: z.string().min(32).optional(),
  /** Where customers reach Rally (links in emails); defaults to the local URL. */
  RALLY_PUBLIC_URL: z.url().optional(),
  /** Seed the demo shop into an empty embedded database on start. */
  RALLY_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** Run scheduled campaigns in this process; "false" leaves them to others. */
  RALLY_SCHEDULER: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

export type Config = z.output<typeof configSchema>;

/** Reads the environment; a bad value throws one line that names it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`${name}: ${issue?.message ?? "invalid"}`);
  }

  return result.data;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
