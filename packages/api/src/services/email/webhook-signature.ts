import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/** How far a webhook's timestamp may stray from our clock (replay guard). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * Standard Webhooks signing: HMAC-SHA256 over `id.timestamp.body`, sent as
 * `webhook-signature: v1,<base64>` beside `webhook-id` and
 * `webhook-timestamp` (seconds).
 */
export function signWebhook(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
) {
  const digest = createHmac("sha256", secret)
    .update(`${id}.${timestamp}.${body}`)
    .digest("base64");

  return `v1,${digest}`;
}

export function webhookHeaders(secret: string, body: string, now: Date) {
  const id = `msg_${randomUUID()}`;
  const timestamp = Math.floor(now.getTime() / 1000);

  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, id, timestamp, body),
  };
}

export type WebhookCheck =
  { ok: true; id: string } | { ok: false; reason: string };

/** Checks headers and raw body; any of several space-separated v1 signatures may match. */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now: Date,
): WebhookCheck {
  const id = single(headers["webhook-id"]);
  const timestamp = Number(single(headers["webhook-timestamp"]));
  const given = single(headers["webhook-signature"]);
  if (!id || !given || !Number.isInteger(timestamp)) {
    return { ok: false, reason: "missing webhook headers" };
  }
  const skew = Math.abs(now.getTime() / 1000 - timestamp);
  if (skew > WEBHOOK_TOLERANCE_SECONDS) {
    return { ok: false, reason: "timestamp outside tolerance" };
  }
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body));
  const isMatch = given.split(" ").some((candidate) => {
    const actual = Buffer.from(candidate);

    return (
      actual.length === expected.length && timingSafeEqual(actual, expected)
    );
  });

  return isMatch ? { ok: true, id } : { ok: false, reason: "bad signature" };
}

function single(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}
