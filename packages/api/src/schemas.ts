import { z } from "zod";

import { limits } from "./limits.ts";

/** Zod schemas shared by procedures and the console's forms. */

export const id = z.number().int().positive().max(2_147_483_647);

/**
 * An instant Rally stores and reasons about: years 1900 to 2199. Wider
 * dates pass JavaScript but not PostgreSQL or calendar arithmetic.
 */
export const instant = z
  .date()
  .min(new Date("1900-01-01T00:00:00Z"), "must be in 1900 or later")
  .max(new Date("2199-12-31T23:59:59Z"), "must be before 2200");

export const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const emailAddress = z
  .email()
  .max(limits.email)
  .transform((value) => value.toLowerCase());

export const pageInput = z.strictObject({
  cursor: id.optional(),
  /** Sent by tRPC's infinite queries; pages here only go forward. */
  direction: z.literal("forward").optional(),
  limit: z
    .number()
    .int()
    .min(1)
    .max(limits.pageSize.max)
    .default(limits.pageSize.default),
});

export const serviceTypeCreateInput = z.strictObject({
  key: z
    .string()
    .trim()
    .min(1)
    .max(limits.serviceTypeKey)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes"),
  name: trimmed(limits.name),
  defaultCadenceMonths: z
    .number()
    .int()
    .min(limits.cadenceMonths.min)
    .max(limits.cadenceMonths.max),
});

export const customerCreateInput = z.strictObject({
  externalId: trimmed(limits.externalId).optional(),
  firstName: trimmed(limits.name),
  lastName: trimmed(limits.name),
  email: emailAddress.nullish(),
  phone: trimmed(limits.phone).nullish(),
});

export const customerUpdateInput = customerCreateInput.partial().extend({ id });

export const customerListInput = pageInput.extend({
  search: z.string().trim().max(limits.search).optional(),
});

export const vehicleStatus = z.enum(["ACTIVE", "SOLD", "INACTIVE"]);

export const vehicleCreateInput = z.strictObject({
  customerId: id,
  externalId: trimmed(limits.externalId).optional(),
  vin: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-HJ-NPR-Z0-9]{11,17}$/, "a VIN is 11 to 17 letters and digits")
    .nullish(),
  make: trimmed(limits.name),
  model: trimmed(limits.name),
  year: z.number().int().min(limits.year.min).max(limits.year.max),
  status: vehicleStatus.optional(),
});

export const vehicleUpdateInput = vehicleCreateInput.partial().extend({ id });

export const serviceRecordCreateInput = z.strictObject({
  vehicleId: id,
  serviceTypeId: id,
  externalId: trimmed(limits.externalId).optional(),
  performedAt: instant,
  odometer: z.number().int().min(0).max(limits.odometer.max).nullish(),
  notes: z.string().trim().max(limits.notes).nullish(),
  declined: z
    .array(
      z.strictObject({
        serviceTypeId: id,
        priceCents: z.number().int().min(0).max(limits.priceCents.max),
      }),
    )
    .max(limits.declinedPerRecord)
    .default([]),
});

export const serviceRecordListInput = pageInput.extend({
  vehicleId: id.optional(),
  serviceTypeId: id.optional(),
});

export const role = z.enum(["ADMIN", "STAFF", "VIEWER"]);

export const password = z
  .string()
  .min(limits.password.min)
  .max(limits.password.max);

export const loginInput = z.strictObject({
  email: z.string().trim().max(limits.email),
  password: z.string().max(limits.password.max),
});

export const userCreateInput = z.strictObject({
  email: emailAddress,
  name: trimmed(limits.name),
  password,
  role: role.default("STAFF"),
});

export const userUpdateInput = z.strictObject({
  id,
  name: trimmed(limits.name).optional(),
  role: role.optional(),
  password: password.optional(),
  isDisabled: z.boolean().optional(),
});

export const tokenCreateInput = z.strictObject({
  name: trimmed(limits.name),
  role,
});

export const auditListInput = pageInput.extend({
  actorId: id.optional(),
  action: z.string().trim().max(limits.auditAction).optional(),
});

const appointmentNotes = z.string().trim().max(limits.notes).nullish();

export const appointmentCreateInput = z.strictObject({
  vehicleId: id,
  serviceTypeId: id.nullish(),
  scheduledFor: instant,
  notes: appointmentNotes,
  source: z.enum(["CONSOLE", "EMAIL_LINK", "REPLY"]).default("CONSOLE"),
});

export const appointmentUpdateInput = z.strictObject({
  id,
  scheduledFor: instant.optional(),
  serviceTypeId: id.nullish(),
  notes: appointmentNotes,
});

export const appointmentCompleteInput = z.strictObject({
  id,
  serviceTypeId: id.optional(),
  performedAt: instant.optional(),
  odometer: z.number().int().min(0).max(limits.odometer.max).nullish(),
  notes: appointmentNotes,
});

/** A reply's text; long enough for any answer a shop writes by hand. */
export const replyTextMax = 20_000;

export const conversationReplyInput = z.strictObject({
  threadId: id,
  text: z.string().trim().min(1).max(replyTextMax),
  html: z
    .string()
    .max(replyTextMax * 5)
    .optional(),
});

export const campaignSendInput = z.strictObject({
  ruleId: id,
  templateId: id.optional(),
  /** Made by the console once per dialog: a retried request sends nothing twice. */
  idempotencyKey: z.string().trim().min(8).max(limits.idempotencyKey),
  /** The share of recipients held out as a control group, 0 to 0.5. */
  controlShare: z.number().min(0).max(0.5).optional(),
});

export const emailStatus = z.enum([
  "QUEUED",
  "SENDING",
  "SENT",
  "DELIVERED",
  "BOUNCED",
  "FAILED",
  "CANCELLED",
  "SKIPPED",
  "RECEIVED",
]);

export const campaignEmailsInput = pageInput.extend({
  campaignId: id,
  status: emailStatus.optional(),
});
