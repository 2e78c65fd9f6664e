import { eventStream } from "../../events/stream.ts";
import { viewerProcedure } from "../../trpc.ts";
import { resumeInput } from "./schemas.ts";

/** Schedules changing state or next run, and runs starting or finishing. */
export const onSchedules = viewerProcedure
  .input(resumeInput)
  .subscription(({ ctx, input, signal }) =>
    eventStream({
      bus: ctx.events,
      signal,
      lastEventId: input.lastEventId,
      filter: { types: ["schedule.changed", "schedule.run"] },
      transport: ctx.socket,
    }),
  );
