import { z } from "zod";

import { trimmed } from "../../schemas.ts";

/** Bounds for templates, shared with the console's editor. */
export const templateLimits = {
  subject: 300,
  html: 200_000,
  text: 100_000,
} as const;

export const templateKind = z.enum(["MARKETING", "TRANSACTIONAL"]);

export const templateFields = z.object({
  name: trimmed(100),
  kind: templateKind.default("MARKETING"),
  subject: trimmed(templateLimits.subject),
  html: z.string().min(1).max(templateLimits.html),
  text: z.string().max(templateLimits.text).nullish(),
});
