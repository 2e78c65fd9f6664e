import type { ClaimedEmail } from "./claim.ts";

/**
 * Headers every email carries. One-click unsubscribe (RFC 8058) on every
 * message: mailbox providers require it of bulk senders, and it is
 * harmless on a reply.
 */
export function buildHeaders(
  email: ClaimedEmail,
  unsubscribeUrl: string,
  replyTo: string | null,
) {
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
  // A signed address names the thread, so a reply finds it even when a
  // mail client drops In-Reply-To and References.
  if (replyTo) {
    headers["Reply-To"] = replyTo;
  }

  return headers;
}
