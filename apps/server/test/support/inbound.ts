import { randomUUID } from "node:crypto";

import { signInbound } from "../../src/http/inbound/signature.ts";
import type { TestServer } from "../../src/testing.ts";

/** A plain-text reply as a mail client would send it. */
export function mimeReply(options: {
  from: string;
  to: string;
  subject?: string;
  text: string;
  inReplyTo?: string;
  messageId?: string;
}) {
  const headers = [
    `From: Ana Ruiz <${options.from}>`,
    `To: ${options.to}`,
    `Subject: ${options.subject ?? "Re: Your Corolla is due for an oil change"}`,
    `Message-ID: ${options.messageId ?? `<${randomUUID()}@mail.example.com>`}`,
    "Date: Mon, 15 Jun 2026 12:00:00 +0000",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
  ];
  if (options.inReplyTo) {
    headers.push(`In-Reply-To: ${options.inReplyTo}`);
    headers.push(`References: ${options.inReplyTo}`);
  }

  return `${headers.join("\r\n")}\r\n\r\n${options.text.replace(/\n/g, "\r\n")}\r\n`;
}

/** Posts to the inbound webhook, signed with the shop secret by default. */
export async function postInbound(
  server: TestServer,
  body: string,
  options: { contentType?: string; secret?: string } = {},
) {
  const bytes = Buffer.from(body);
  const timestamp = Math.floor(server.clock.now().getTime() / 1000);
  const response = await fetch(`${server.url}/webhooks/inbound`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "message/rfc822",
      "webhook-id": `msg_${randomUUID()}`,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signInbound(
        options.secret ?? server.services.secret,
        timestamp,
        bytes,
      ),
    },
    body: bytes,
  });

  return {
    status: response.status,
    body: (await response.json()) as {
      threadId: number;
      emailId: number;
      matchedBy: string;
      error?: string;
    },
  };
}
