import { z } from "zod";

import { limits } from "../../limits.ts";
import { id, pageInput } from "../../schemas.ts";

const notes = z.string().trim().max(limits.notes).nullish();

export const appointmentCreateInput = z.object({
  vehicleId: id,
  serviceTypeId: id.nullish(),
  scheduledFor: z.date(),
  notes,
  source: z.enum(["CONSOLE", "EMAIL_LINK", "REPLY"]).default("CONSOLE"),
});

export const appointmentListInput = pageInput.extend({
  from: z.date().optional(),
  to: z.date().optional(),
  status: z.enum(["SCHEDULED", "COMPLETED", "CANCELLED", "NO_SHOW"]).optional(),
  vehicleId: id.optional(),
});

export const appointmentUpdateInput = z.object({
  id,
  scheduledFor: z.date().optional(),
  serviceTypeId: id.nullish(),
  notes,
});

export const appointmentIdInput = z.object({ id });

export const appointmentCompleteInput = z.object({
  id,
  serviceTypeId: id.optional(),
  performedAt: z.date().optional(),
  odometer: z.number().int().min(0).max(limits.odometer.max).nullish(),
  notes,
});
