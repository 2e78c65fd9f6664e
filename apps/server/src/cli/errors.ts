/** Exit codes every command uses. */
export const exitCodes = {
  ok: 0,
  /** The command ran and failed: a rejected call, a failed import. */
  failed: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** An import finished but rejected some rows. */
  partial: 3,
} as const;

/** A failure the CLI reports in one line, without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.failed,
  ) {
    super(message);
  }
}

export function wholeNumber(name: string, min: number, max: number) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new CliError(
        `${name} must be a whole number from ${min} to ${max}, not "${value}"`,
        exitCodes.usage,
      );
    }

    return number;
  };
}
