/**
 * Follows every change in Rally as it commits, one JSON line per event.
 * Resumes after a given event id; stops after --max N events or on Ctrl-C.
 *
 *   pnpm --filter @rally/examples exec tsx follow-events.ts [--after ID] [--max N]
 */
import { parseArgs } from "node:util";

import { connect } from "./connect.ts";

const { values } = parseArgs({
  options: { after: { type: "string" }, max: { type: "string" } },
});
const max = values.max ? Number(values.max) : Infinity;
const rally = connect();
let seen = 0;
const subscription = rally.events.onAll.subscribe(
  { lastEventId: values.after ?? null },
  {
    onData: ({ id, data }) => {
      if (data.kind === "refetch") {
        // Too much was missed to replay: reload what you show, then go on.
        console.log(JSON.stringify({ id, refetch: data.reason }));

        return;
      }
      // Each event's id is a point to resume after, like the item's.
      for (const { id, type, payload, createdAt } of data.events) {
        console.log(JSON.stringify({ id, type, createdAt, payload }));
        seen += 1;
        if (seen >= max) {
          stop();

          return;
        }
      }
    },
    onError: (error) => {
      console.error(error.message);
      process.exitCode = 1;
      stop();
    },
  },
);

function stop() {
  subscription.unsubscribe();
  rally.close();
}

process.once("SIGINT", stop);
