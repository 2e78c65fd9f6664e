import { CommanderError } from "commander";

import { CliError, exitCodes } from "./errors.ts";
import { createProgram } from "./program.ts";

try {
  await createProgram().parseAsync();
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
