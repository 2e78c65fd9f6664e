import { Option, type Command } from "commander";

export function addServeCommand(program: Command) {
  program
    .command("serve")
    .description(
      "run the Rally server (configured by the environment, like pnpm start)",
    )
    .addOption(
      new Option("--role <role>", "which parts this process runs")
        .choices(["api", "worker", "all"])
        .default("all"),
    )
    .action(async (options: { role: string }) => {
      process.env.RALLY_ROLE = options.role;
      // The server's entry point starts itself when imported.
      await import("../main.ts");
    });
}
