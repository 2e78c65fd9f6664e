import { execFile } from "node:child_process";
import path from "node:path";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const repoDir = path.join(import.meta.dirname, "..", "..", "..");

/** Runs a TypeScript script through tsx and collects what it printed. */
export function runScript(
  script: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
) {
  return new Promise<RunResult>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error
          ? typeof error.code === "number"
            ? error.code
            : 1
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
