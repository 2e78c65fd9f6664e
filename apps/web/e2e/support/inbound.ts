import { randomUUID } from "node:crypto";

import { signInbound } from "@rally/server/testing";

import type { ConsoleServer } from "./console-server.ts";

/**
 * Posts a plain-text email to the server's inbound webhook, signed as the
 * inbound mail service signs it, and returns where it was filed.
 */
export async function receiveEmail(
  server: ConsoleServer,
  mail: { from: string; to: string; subject: string; text: string },
) {
  const body = Buffer.from(
    [
      `From: ${mail.from}`,
      `To: ${mail.to}`,
      `Subject: ${mail.subject}`,
      `Message-ID: <${randomUUID()}@mail.example.com>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      mail.text,
      "",
    ].join("\r\n"),
  );
  const timestamp = Math.floor(server.services.clock.now().getTime() / 1000);
  const response = await fetch(`${server.url}/webhooks/inbound`, {
    method: "POST",
    headers: {
      "content-type": "message/rfc822",
      "webhook-id": `msg_${randomUUID()}`,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signInbound(server.services.secret, timestamp, body),
    },
    body,
  });
  if (!response.ok) {
    throw new Error(`inbound webhook answered ${response.status}`);
  }

  return (await response.json()) as { threadId: number; emailId: number };
}
