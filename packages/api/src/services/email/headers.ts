import type { ClaimedEmail } from "./claim.ts";

/**
 * Headers every email carries. One-click unsubscribe (RFC 8058) on every
 * message: mailbox providers require it of bulk senders, and it is
 * harmless on a reply.
 */
export function buildHeaders(email: ClaimedEmail, unsubscribeUrl: string) {
  const headers: Record<string, string> = {
    "List-Unsubscribe": `<${unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  if (email.inReplyTo) {
    headers["In-Reply-To"] = email.inReplyTo;
  }
  if (email.references) {
    headers["References"] = email.references;
  }
  // Reply-To: the one place a reply address would be set. Reply tokens
  // (routing a customer's answer back to its thread) belong to the
  // conversations pipeline; until it sets one, replies go to From.

  return headers;
}
