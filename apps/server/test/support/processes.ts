import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { repoDir } from "../spawn.ts";

const serverDir = path.join(repoDir, "apps", "server");
const STARTUP_TIMEOUT_MS = 120_000;

export interface RallyProcess {
  role: "api" | "worker";
  child: ChildProcess;
  url: string;
  /** What the process wrote to stderr, for a failing test's message. */
  stderr(): string;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `rally serve --role <role>` as its own process, resolved once it prints
 * the URL it listens on (port 0: the system picks one).
 */
export function startRally(
  role: RallyProcess["role"],
  env: Record<string, string>,
) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--role", role],
    {
      cwd: serverDir,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", resolve));

  return new Promise<RallyProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`rally ${role} did not start: ${stderr}`));
    }, STARTUP_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`rally ${role} exited with ${code}: ${stderr}`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Rally is running at (\S+)/.exec(stdout)?.[1];
      if (!url) {
        return;
      }
      clearTimeout(timer);
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({
        role,
        child,
        url,
        stderr: () => stderr,
        async stop(signal = "SIGTERM") {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill(signal);
          }
          await exited;
        },
      });
    });
  });
}
