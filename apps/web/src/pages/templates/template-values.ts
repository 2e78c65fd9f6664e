import type { RouterOutputs } from "@rally/client";
import { TRPCClientError } from "@trpc/client";

export type Template = RouterOutputs["template"]["get"];

export interface TemplateValues {
  name: string;
  kind: Template["kind"];
  subject: string;
  html: string;
  text: string;
}

export const emptyTemplate: TemplateValues = {
  name: "",
  kind: "MARKETING",
  subject: "{{ customer.firstName }}, your {{ vehicle.make }} is due",
  html: `<p>Hi {{ customer.firstName }},</p>
<p>Your {{ vehicle.year }} {{ vehicle.make }} is due for {{ service.name }}.</p>
<p><a href="{{ bookingLink }}">Book a visit</a></p>
<p>{{ shop.name }}, {{ shop.postalAddress }}
· <a href="{{ unsubscribeLink }}">Unsubscribe</a></p>`,
  text: "",
};

export function valuesFromTemplate(template: Template): TemplateValues {
  return {
    name: template.name,
    kind: template.kind,
    subject: template.subject,
    html: template.html,
    text: template.text ?? "",
  };
}

export function templateInputFrom(values: TemplateValues) {
  return { ...values, text: values.text === "" ? null : values.text };
}

/** An unsaved template renders before it has a name. */
export function draftFrom(values: TemplateValues) {
  return {
    ...templateInputFrom(values),
    name: values.name.trim() || "Draft",
  };
}

export type TemplatePart = "subject" | "html" | "text";

/** A render error: the part it is in and where, as the server reports it. */
export interface TemplateProblem {
  part: TemplatePart;
  line: number;
  column: number;
  reason: string;
}

const placePattern = /^line (\d+), column (\d+): ([\s\S]*)$/;

/** The first field error of a refusal that names a line, if any. */
export function problemOf(error: unknown): TemplateProblem | null {
  if (!(error instanceof TRPCClientError)) {
    return null;
  }
  const fieldErrors =
    (error.data as { fieldErrors?: { path: string; message: string }[] })
      ?.fieldErrors ?? [];
  for (const { path, message } of fieldErrors) {
    const match = placePattern.exec(message);
    const isPart = path === "subject" || path === "html" || path === "text";
    if (match && isPart) {
      return {
        part: path,
        line: Number(match[1]),
        column: Number(match[2]),
        reason: match[3] ?? message,
      };
    }
  }

  return null;
}
