import { z } from "zod";

import { id, instant, pageInput } from "../../schemas.ts";

// The forms' schemas live in the shared file, where the console reaches them.
export {
  appointmentCompleteInput,
  appointmentCreateInput,
  appointmentUpdateInput,
} from "../../schemas.ts";

export const appointmentListInput = pageInput.extend({
  from: instant.optional(),
  to: instant.optional(),
  status: z.enum(["SCHEDULED", "COMPLETED", "CANCELLED", "NO_SHOW"]).optional(),
  vehicleId: id.optional(),
});

export const appointmentIdInput = z.strictObject({ id });

export const appointmentSlotsInput = z
  .strictObject({ from: instant.optional() })
  .default({});
