import type { RallyClient } from "@rally/client/node";

/**
 * Resolves with an import job's last progress payload once the job stops
 * running, as its progress events tell; fails after `timeoutMs`.
 */
export function importFinished(
  client: RallyClient,
  jobId: number,
  timeoutMs = 20_000,
) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`import ${jobId} did not finish in time`));
    }, timeoutMs);
    const subscription = client.events.onAll.subscribe(
      { lastEventId: "0" },
      {
        onData: ({ data }) => {
          const last = (data.kind === "events" ? data.events : []).find(
            ({ type, payload }) =>
              type === "import.progress" &&
              payload.importJobId === jobId &&
              payload.status !== "RUNNING",
          );
          if (last) {
            clearTimeout(timer);
            subscription.unsubscribe();
            resolve(last.payload);
          }
        },
        onError: reject,
      },
    );
  });
}
