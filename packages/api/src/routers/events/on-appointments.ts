import { eventStream } from "../../events/stream.ts";
import { viewerProcedure } from "../../trpc.ts";
import { resumeInput } from "./schemas.ts";

/** Appointments booked, changed or cancelled. */
export const onAppointments = viewerProcedure
  .input(resumeInput)
  .subscription(({ ctx, input, signal }) =>
    eventStream({
      bus: ctx.events,
      signal,
      lastEventId: input.lastEventId,
      filter: { types: ["appointment.changed"] },
      transport: ctx.socket,
    }),
  );
