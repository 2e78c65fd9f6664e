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
  /** Signs inbound-mail webhooks; the shop secret when unset. */
  RALLY_INBOUND_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Seed the demo shop into an empty embedded database on start. */
  RALLY_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** api serves HTTP and WebSocket, worker runs background work, all both. */
  RALLY_ROLE: z.enum(["api", "worker", "all"]).default("all"),
  /** Comma-separated origins besides the public URL's that may call in. */
  RALLY_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((item) => item.trim()))
    .pipe(z.array(z.url().or(z.literal("")))),
  /** Trust X-Forwarded-* from this many proxies in front (0: none). */
  RALLY_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The first admin on a PostgreSQL database with no staff accounts yet. */
  RALLY_ADMIN_EMAIL: z.email().optional(),
  RALLY_ADMIN_PASSWORD: z.string().min(12).max(200).optional(),
  /** Where email goes: the demo's simulated provider, or an SMTP server. */
  RALLY_EMAIL_PROVIDER: z.enum(["simulated", "smtp"]).default("simulated"),
  SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_PORT: port.default(587),
  SMTP_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /**
   * Emails per second to the provider for all workers together, and how
   * many at once in this process: N workers hold up to N times as many
   * provider connections, which a provider capping connections refuses.
   */
  RALLY_SEND_RATE: z.coerce.number().positive().max(100_000).default(50),
  RALLY_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a worker's claim on emails holds before another takes them. */
  RALLY_SEND_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .default(300_000),
  /** Verifies provider webhooks; defaults to RALLY_SECRET. */
  RALLY_WEBHOOK_SECRET: z.string().min(32).optional(),
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
