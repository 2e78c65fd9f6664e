import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring tokens for links and addresses that leave Rally
 * (unsubscribe, booking, reply-to). A token is `payload.expiry.signature`,
 * base64url throughout; `purpose` is signed too, so a token made for one
 * use is worthless for another.
 */
export function signToken(
  secret: string,
  purpose: string,
  payload: string,
  expiresAt: Date,
) {
  const body = `${encode(payload)}.${Math.floor(expiresAt.getTime() / 1000)}`;

  return `${body}.${signature(secret, purpose, body)}`;
}

export type TokenCheck =
  | { ok: true; payload: string }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

export function verifyToken(
  secret: string,
  purpose: string,
  token: string,
  now: Date,
): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 2_000) {
    return { ok: false, reason: "malformed" };
  }
  const [payload = "", expiry = "", given = ""] = parts;
  const expected = Buffer.from(
    signature(secret, purpose, `${payload}.${expiry}`),
  );
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: "forged" };
  }
  if (Number(expiry) * 1000 < now.getTime()) {
    return { ok: false, reason: "expired" };
  }

  return { ok: true, payload: Buffer.from(payload, "base64url").toString() };
}

function encode(value: string) {
  return Buffer.from(value).toString("base64url");
}

function signature(secret: string, purpose: string, body: string) {
  return createHmac("sha256", secret)
    .update(`${purpose}:${body}`)
    .digest("base64url");
}
