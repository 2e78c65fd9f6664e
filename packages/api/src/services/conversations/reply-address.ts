import type { Services } from "../../context.ts";
import { signToken, verifyToken } from "../../tokens.ts";

const purpose = "reply";

/** Replies can come long after the email; the token outlives most threads. */
const replyTokenDays = 365;

/**
 * The Reply-To for an email in a thread: `reply+TOKEN@domain`. The token
 * is signed, so a guessed address cannot post into someone's thread.
 *
 * The token is case-sensitive and about 60 characters: a relay that
 * lower-cases or truncates local parts breaks it, and such replies fall
 * back to matching by In-Reply-To and References headers.
 */
export function replyAddressFor(
  services: Pick<Services, "secret" | "clock">,
  threadId: number,
  domain: string,
) {
  const expiresAt = new Date(
    services.clock.now().getTime() + replyTokenDays * 86_400_000,
  );
  const token = signToken(
    services.secret,
    purpose,
    String(threadId),
    expiresAt,
  );

  return `reply+${token}@${domain}`;
}

/** The thread a reply address names, or null if it is not a valid one. */
export function threadIdFromReplyAddress(
  services: Pick<Services, "secret" | "clock">,
  address: string,
) {
  const match = /reply\+([A-Za-z0-9_.-]+)@/.exec(address);
  if (!match?.[1]) {
    return null;
  }
  const check = verifyToken(
    services.secret,
    purpose,
    match[1],
    services.clock.now(),
  );
  const threadId = check.ok ? Number(check.payload) : NaN;

  return Number.isInteger(threadId) && threadId > 0 ? threadId : null;
}
