import { z } from "zod";

import { limits } from "../../limits.ts";
import { id, pageInput } from "../../schemas.ts";
import { importKinds } from "../../services/import/fields.ts";

export const importStartInput = z.strictObject({
  kind: z.enum(importKinds),
  fileName: z.string().trim().min(1).max(limits.fileName).default("upload.csv"),
  /** The file's text; the CLI streams bigger files straight from disk. */
  content: z.string().min(1).max(limits.importBytes),
  /**
   * Field name → the header of its column, or "" to leave the field
   * unread; other fields are guessed.
   */
  mapping: z
    .record(z.string().max(limits.name), z.string().max(limits.shortText))
    .refine((value) => Object.keys(value).length <= 20, "at most 20 fields")
    .optional(),
  dryRun: z.boolean().default(false),
  /** How to read slashed dates such as 03/04/2026. */
  dateOrder: z.enum(["MDY", "DMY"]).default("MDY"),
});

export const importInspectInput = z.strictObject({
  kind: z.enum(importKinds),
  /** The start of the file: its header line and perhaps a few rows. */
  content: z.string().min(1).max(limits.importHeadBytes),
});

export const importGetInput = z.strictObject({ id });

export const importListInput = pageInput;
