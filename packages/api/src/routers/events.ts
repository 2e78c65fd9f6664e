import { z } from "zod";

import { eventStream } from "../events/stream.ts";
import { viewerProcedure, router } from "../trpc.ts";

const resumeInput = z
  .object({
    lastEventId: z
      .string()
      .regex(/^\d{1,19}$/)
      .nullish(),
  })
  .default({});

export const eventsRouter = router({
  /** Every committed change, for dashboards and tools. */
  onAll: viewerProcedure
    .input(resumeInput)
    .subscription(({ ctx, input, signal }) =>
      eventStream({
        bus: ctx.events,
        signal,
        lastEventId: input.lastEventId,
        matches: () => true,
      }),
    ),
});
