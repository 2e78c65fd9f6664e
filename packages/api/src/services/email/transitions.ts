import type { EmailStatus } from "@rally/db";

/**
 * Every status change an email may make. Anything else (a late webhook
 * saying DELIVERED after a BOUNCE, a duplicate, a reclaimed email going
 * back) is refused and changes nothing.
 */
const allowed: Record<EmailStatus, readonly EmailStatus[]> = {
  QUEUED: ["SENDING", "CANCELLED", "SKIPPED"],
  // SENDING → SENDING is a reclaim after an expired lease; SENDING →
  // DELIVERED etc. covers a provider whose webhook beats our own write.
  SENDING: [
    "SENDING",
    "SENT",
    "QUEUED",
    "FAILED",
    "SKIPPED",
    "DELIVERED",
    "BOUNCED",
  ],
  SENT: ["DELIVERED", "BOUNCED", "FAILED"],
  // An asynchronous bounce may follow a delivery report.
  DELIVERED: ["BOUNCED"],
  BOUNCED: [],
  FAILED: [],
  CANCELLED: [],
  SKIPPED: [],
  RECEIVED: [],
};

export function canTransition(from: EmailStatus, to: EmailStatus) {
  return allowed[from].includes(to);
}

/** Statuses a transition may start from, for guarded UPDATEs. */
export function sourcesOf(to: EmailStatus): EmailStatus[] {
  return (Object.keys(allowed) as EmailStatus[]).filter((from) =>
    allowed[from].includes(to),
  );
}

export const OPEN_STATUSES: readonly EmailStatus[] = ["QUEUED", "SENDING"];
