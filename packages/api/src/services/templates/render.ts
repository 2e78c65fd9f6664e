import { DomainError } from "../../errors.ts";
import { htmlToText } from "./html-to-text.ts";
import { renderPart } from "./liquid.ts";
import type { TemplateVariables } from "./variables.ts";

export interface TemplateSource {
  kind: "MARKETING" | "TRANSACTIONAL";
  subject: string;
  html: string;
  text: string | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Renders subject, HTML and text; text falls back to the HTML's words. */
export function renderTemplate(
  template: TemplateSource,
  variables: TemplateVariables,
): RenderedEmail {
  const subject = renderPart("subject", template.subject, variables)
    .replace(/\s+/g, " ")
    .trim();
  const html = renderPart("html", template.html, variables);
  const text = template.text
    ? renderPart("text", template.text, variables)
    : htmlToText(html);

  return { subject, html, text };
}

/**
 * Validates a template by rendering it for the sample recipient: syntax
 * errors and unknown variables come back with their line and column. A
 * marketing email must carry the unsubscribe link and the shop's postal
 * address (CAN-SPAM), in HTML and in text.
 */
export function validateTemplate(
  template: TemplateSource,
  sample: TemplateVariables,
) {
  const rendered = renderTemplate(template, sample);
  if (rendered.subject.length === 0) {
    throw new DomainError("INVALID_INPUT", "subject renders empty", "subject");
  }
  if (template.kind !== "MARKETING") {
    return rendered;
  }
  for (const part of ["html", "text"] as const) {
    const body = rendered[part];
    if (!body.includes(sample.unsubscribeLink)) {
      throw missing(part, "the unsubscribe link {{ unsubscribeLink }}");
    }
    if (!body.includes(escapeForPart(part, sample.shop.postalAddress))) {
      throw missing(part, "the shop's postal address {{ shop.postalAddress }}");
    }
  }

  return rendered;
}

function missing(part: "html" | "text", what: string) {
  return new DomainError(
    "INVALID_INPUT",
    `a marketing template's ${part} body must contain ${what}`,
    part,
  );
}

function escapeForPart(part: "html" | "text", value: string) {
  if (part === "text") {
    return value;
  }

  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&#34;")
    .replace(/'/g, "&#39;");
}
