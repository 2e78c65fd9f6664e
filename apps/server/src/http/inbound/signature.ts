import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a webhook's timestamp may be from now, against replays. */
export const toleranceSeconds = 5 * 60;

/**
 * The signature in the manner of Standard Webhooks: `v1,` and a base64
 * HMAC-SHA256 of `${timestamp}.${body}` with the shared secret.
 */
export function signInbound(secret: string, timestamp: number, body: Buffer) {
  const mac = createHmac("sha256", secret)
    .update(`${timestamp}.`)
    .update(body)
    .digest("base64");

  return `v1,${mac}`;
}

export function isSignatureValid(options: {
  secret: string;
  timestamp: string | undefined;
  signatures: string | undefined;
  body: Buffer;
  now: Date;
}) {
  const timestamp = Number(options.timestamp);
  if (!Number.isInteger(timestamp) || !options.signatures) {
    return false;
  }
  if (Math.abs(options.now.getTime() / 1000 - timestamp) > toleranceSeconds) {
    return false;
  }
  const expected = Buffer.from(
    signInbound(options.secret, timestamp, options.body),
  );

  // The header may carry several space-separated signatures while a
  // secret is being rotated; any one that matches will do.
  return options.signatures.split(" ").some((given) => {
    const actual = Buffer.from(given);

    return (
      actual.length === expected.length && timingSafeEqual(actual, expected)
    );
  });
}
