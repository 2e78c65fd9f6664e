import type { FormErrors } from "@mantine/form";
import { TRPCClientError } from "@trpc/client";
import type { z } from "zod";

interface FieldError {
  path: string;
  message: string;
}

function friendlyMessage(issue: z.core.$ZodIssue) {
  const isMissing =
    (issue.code === "too_small" && issue.minimum === 1) ||
    (issue.code === "invalid_type" && issue.input === undefined);

  return isMissing ? "Required" : issue.message;
}

/** Maps an input path to the form field that holds it, when they differ. */
export type PathMap = (path: string) => string;

const samePath: PathMap = (path) => path;

/**
 * Errors keyed by field path, from the very schema the server checks. A form
 * that passes it submits `schema.parse(input)`, which then cannot throw and
 * gives the procedure's typed input.
 */
export function schemaErrors(
  schema: z.ZodType,
  input: unknown,
  formPath: PathMap = samePath,
): FormErrors {
  const result = schema.safeParse(input);
  if (result.success) {
    return {};
  }
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = formPath(issue.path.join("."));
    errors[path] ??= friendlyMessage(issue);
  }

  return errors;
}

function hasPath(values: unknown, path: string) {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) {
      return false;
    }
    node = (node as Record<string, unknown>)[part];
  }

  return true;
}

/**
 * Splits a server refusal into errors for the form's own fields and one
 * message for everything else (a field the form lacks, or no field at all).
 */
export function serverErrors(
  error: unknown,
  values: unknown,
  formPath: PathMap = samePath,
) {
  const fields: FormErrors = {};
  const others: string[] = [];
  const fieldErrors =
    error instanceof TRPCClientError
      ? ((error.data as { fieldErrors?: FieldError[] } | undefined)
          ?.fieldErrors ?? [])
      : [];
  for (const fieldError of fieldErrors) {
    const path = formPath(fieldError.path);
    const { message } = fieldError;
    if (hasPath(values, path)) {
      fields[path] ??= message;
    } else {
      others.push(message);
    }
  }
  const isUnexplained = fieldErrors.length === 0;
  const message = isUnexplained
    ? error instanceof Error
      ? error.message
      : String(error)
    : others.join("; ") || null;

  return { fields, message };
}

/** "" from an empty text box means "not given". */
export function optionalText(value: string) {
  const trimmed = value.trim();

  return trimmed === "" ? undefined : trimmed;
}

/** An empty number box means "not given"; anything else is a number. */
export function optionalNumber(value: number | string) {
  return value === "" ? undefined : Number(value);
}
