import type { AddressObject } from "mailparser";
import { z } from "zod";

import { DomainError } from "../../errors.ts";

/** An inbound email reduced to what threading and display need. */
export interface InboundMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
}

const maxBody = 200_000;

export async function parseMime(raw: Buffer | string): Promise<InboundMessage> {
  // Loaded on the first inbound email: mailparser and its charset tables
  // would add some 10 MB to every process that never receives one.
  const { simpleParser } = await import("mailparser");
  const mail = await simpleParser(raw, { skipImageLinks: true });
  const from = mail.from?.value[0]?.address;
  if (!from) {
    throw new DomainError(
      "INVALID_INPUT",
      "the message has no From address",
      "from",
    );
  }

  return {
    from: from.toLowerCase(),
    to: [mail.to, mail.cc]
      .flatMap((field) => addressesOf(field))
      .concat(headerAddresses(mail.headers.get("delivered-to"))),
    subject: (mail.subject ?? "").slice(0, 998),
    text: (mail.text ?? "").slice(0, maxBody),
    html: typeof mail.html === "string" ? mail.html.slice(0, maxBody) : null,
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: messageIds(mail.references),
  };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined) {
  const objects = field ? (Array.isArray(field) ? field : [field]) : [];

  return objects.flatMap((object) =>
    object.value.flatMap((entry) => (entry.address ? [entry.address] : [])),
  );
}

function headerAddresses(value: unknown) {
  return typeof value === "string" ? extractAddresses(value) : [];
}

/** The JSON an inbound-parse service posts (SendGrid and Mailgun alike). */
export const inboundJsonSchema = z.object({
  from: z.string().min(3).max(1_000),
  to: z.string().max(10_000),
  cc: z.string().max(10_000).optional(),
  subject: z.string().max(998).default(""),
  text: z.string().max(maxBody).default(""),
  html: z.string().max(maxBody).optional(),
  /** Either a map of header names to values, or the raw header block. */
  headers: z
    .union([
      z.record(z.string(), z.string().max(20_000)),
      z.string().max(100_000),
    ])
    .optional(),
});

export function fromJson(
  input: z.output<typeof inboundJsonSchema>,
): InboundMessage {
  const headers = headerMap(input.headers);
  const from = extractAddresses(input.from)[0];
  if (!from) {
    throw new DomainError(
      "INVALID_INPUT",
      `no address in From "${input.from.slice(0, 100)}"`,
      "from",
    );
  }

  return {
    from,
    to: extractAddresses(`${input.to},${input.cc ?? ""}`),
    subject: input.subject,
    text: input.text || textOfHtml(input.html ?? ""),
    html: input.html ?? null,
    messageId: messageIds(headers.get("message-id"))[0] ?? null,
    inReplyTo: messageIds(headers.get("in-reply-to"))[0] ?? null,
    references: messageIds(headers.get("references")),
  };
}

function headerMap(headers: Record<string, string> | string | undefined) {
  const map = new Map<string, string>();
  if (typeof headers === "string") {
    // Unfold continuation lines, then split "Name: value".
    for (const line of headers.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
      const colon = line.indexOf(":");
      if (colon > 0) {
        map.set(
          line.slice(0, colon).trim().toLowerCase(),
          line.slice(colon + 1).trim(),
        );
      }
    }
  } else if (headers) {
    for (const [name, value] of Object.entries(headers)) {
      map.set(name.toLowerCase(), value);
    }
  }

  return map;
}

export function extractAddresses(value: string) {
  return [...value.matchAll(/[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+/g)].map(
    (match) => match[0].toLowerCase(),
  );
}

function messageIds(value: string | string[] | undefined | null) {
  const joined = Array.isArray(value) ? value.join(" ") : (value ?? "");

  return [...joined.matchAll(/<[^<>\s]+>/g)]
    .map((match) => match[0])
    .slice(0, 100);
}

/**
 * A rough text for an HTML-only message, so intents and previews still
 * work; staff see the stored HTML itself. (mailparser does this for MIME.)
 */
function textOfHtml(html: string) {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, maxBody);
}
