import { Command } from "commander";

import { addAccountCommands } from "./accounts.ts";
import { addCallCommand } from "./call.ts";
import { addImportCommand } from "./import.ts";
import { addMigrateCommand } from "./migrate.ts";
import { addSeedCommand } from "./seed.ts";
import { addServeCommand } from "./serve.ts";

/** The rally command line, ready to parse. */
export function createProgram() {
  const program = new Command("rally")
    .description("Rally: service re-engagement for auto repair shops")
    .showHelpAfterError()
    .exitOverride();
  addServeCommand(program);
  addMigrateCommand(program);
  addSeedCommand(program);
  addImportCommand(program);
  addCallCommand(program);
  addAccountCommands(program);
  program.commands.forEach((command) => command.exitOverride());

  return program;
}
