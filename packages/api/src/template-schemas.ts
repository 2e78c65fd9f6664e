import { z } from "zod";

import { emailAddress, id, trimmed } from "./schemas.ts";

/** Bounds for templates, shared with the console's editor. */
export const templateLimits = {
  subject: 300,
  html: 200_000,
  text: 100_000,
} as const;

export const templateKind = z.enum(["MARKETING", "TRANSACTIONAL"]);

export const templateFields = z.strictObject({
  name: trimmed(100),
  kind: templateKind.default("MARKETING"),
  subject: trimmed(templateLimits.subject),
  html: z.string().min(1).max(templateLimits.html),
  text: z.string().max(templateLimits.text).nullish(),
});

export const templateUpdateInput = z.strictObject({
  id,
  name: templateFields.shape.name.optional(),
  kind: templateFields.shape.kind.unwrap().optional(),
  subject: templateFields.shape.subject.optional(),
  html: templateFields.shape.html.optional(),
  text: templateFields.shape.text,
});

/**
 * A saved template or an unsaved draft, for a campaign recipient, a
 * customer, or the sample.
 */
export const templatePreviewInput = z.strictObject({
  templateId: id.optional(),
  draft: templateFields.optional(),
  recipientId: id.optional(),
  customerId: id.optional(),
});

/** One rendered email to one address, as staff check a template. */
export const templateTestSendInput = templatePreviewInput.extend({
  to: emailAddress,
});
