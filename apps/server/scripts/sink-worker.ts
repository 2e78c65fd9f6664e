/**
 * The benchmark's SMTP sink on its own thread: in-process, but with its
 * own event loop, so the sink's work does not queue behind the sender's.
 */
import { parentPort } from "node:worker_threads";

import { startSmtpSink } from "../test/support/smtp-sink.ts";

const sink = await startSmtpSink({ isKeepingMessages: false });
parentPort?.postMessage({ port: sink.port });
parentPort?.on("message", async (message: string) => {
  if (message === "count") {
    parentPort?.postMessage({ count: sink.count() });
  }
  if (message === "close") {
    await sink.close();
    parentPort?.postMessage({ closed: true });
  }
});
