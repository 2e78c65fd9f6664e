import { createHash, randomBytes } from "node:crypto";

/** A random credential: 32 bytes, URL-safe. */
export function randomSecret(prefix = "") {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/**
 * Stored in place of a session id or API token: a leaked database row
 * cannot be replayed. Plain SHA-256 suffices because the secret is random.
 */
export function digestOf(secret: string) {
  return createHash("sha256").update(secret).digest("hex");
}
