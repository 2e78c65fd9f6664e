import type { AddressInfo, Socket } from "node:net";

import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string | null;
  /** When it was accepted (ms since the epoch). */
  at: number;
}

/** What the sink answers to the next message: accept, refuse, or hang. */
export type SinkBehaviour =
  | { kind: "accept" }
  | { kind: "refuse"; code: number; message?: string }
  | { kind: "hang" };

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Messages accepted so far (the bench reads only this). */
  count(): number;
  /** Decides per message; the default accepts everything. */
  behave(decide: (index: number) => SinkBehaviour): void;
  /** Resolves once `n` messages are accepted in total. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that records what it accepted. With
 * `isKeepingMessages` false it only counts, for the benchmark.
 */
export async function startSmtpSink(
  options: { isKeepingMessages?: boolean } = {},
): Promise<SmtpSink> {
  const isKeeping = options.isKeepingMessages ?? true;
  const received: ReceivedMail[] = [];
  let accepted = 0;
  let seen = 0;
  let decide: (index: number) => SinkBehaviour = () => ({ kind: "accept" });
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10_000_000,
    closeTimeout: 1_000,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        if (isKeeping) {
          chunks.push(chunk);
        }
      });
      stream.on("end", () => {
        const behaviour = decide(seen++);
        if (behaviour.kind === "hang") {
          return;
        }
        if (behaviour.kind === "refuse") {
          const error = new Error(behaviour.message ?? "refused") as Error & {
            responseCode: number;
          };
          error.responseCode = behaviour.code;
          callback(error);

          return;
        }
        accepted += 1;
        if (isKeeping) {
          const raw = Buffer.concat(chunks).toString("utf8");
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null,
            at: Date.now(),
          });
        }
        callback();
        for (const wake of waiters) {
          wake();
        }
      });
    },
  });
  // Replies are tiny writes: without this, Nagle's algorithm and delayed
  // ACKs cost each SMTP round trip about 40 ms on loopback.
  server.server.on("connection", (socket: Socket) => socket.setNoDelay(true));
  // A sender killed mid-message resets its connections; a real server shrugs.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    received,
    count: () => accepted,
    behave(next) {
      decide = next;
    },
    waitFor(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (accepted >= n) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`sink got ${accepted} of ${n} messages`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}
