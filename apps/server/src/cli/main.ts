import { Command, CommanderError } from "commander";

import { addCallCommand } from "./call.ts";
import { CliError, exitCodes } from "./errors.ts";
import { addImportCommand } from "./import.ts";
import { addMigrateCommand } from "./migrate.ts";
import { addSeedCommand } from "./seed.ts";
import { addServeCommand } from "./serve.ts";

const program = new Command("rally")
  .description("Rally: service re-engagement for auto repair shops")
  .showHelpAfterError()
  .exitOverride();
addServeCommand(program);
addMigrateCommand(program);
addSeedCommand(program);
addImportCommand(program);
addCallCommand(program);
program.commands.forEach((command) => command.exitOverride());

try {
  await program.parseAsync();
} catch (error) {
  process.exitCode = exitCodeOf(error);
}

function exitCodeOf(error: unknown) {
  if (error instanceof CommanderError) {
    // Commander has printed its message or the help already.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (error instanceof CliError) {
    process.stderr.write(`rally: ${error.message}\n`);

    return error.exitCode;
  }
  process.stderr.write(
    `rally: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );

  return exitCodes.failed;
}
