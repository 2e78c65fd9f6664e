import { eventStream } from "../../events/stream.ts";
import { viewerProcedure } from "../../trpc.ts";
import { resumeInput } from "./schemas.ts";

/** Every committed change, for dashboards and tools. */
export const onAll = viewerProcedure
  .input(resumeInput)
  .subscription(({ ctx, input, signal }) =>
    eventStream({
      bus: ctx.events,
      signal,
      lastEventId: input.lastEventId,
      transport: ctx.socket,
    }),
  );
