import { Badge } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

export type EmailStatus =
  RouterOutputs["conversation"]["thread"]["messages"][number]["status"];

/** "Sending…" is the console's own: a reply the server has not taken yet. */
export type ShownStatus = EmailStatus | "PENDING";

const looks = {
  PENDING: { color: "gray", label: "Sending…" },
  QUEUED: { color: "gray", label: "Queued" },
  SENDING: { color: "blue", label: "Sending" },
  SENT: { color: "blue", label: "Sent" },
  DELIVERED: { color: "green", label: "Delivered" },
  BOUNCED: { color: "red", label: "Bounced" },
  FAILED: { color: "red", label: "Failed" },
  CANCELLED: { color: "gray", label: "Cancelled" },
  SKIPPED: { color: "gray", label: "Not sent" },
  RECEIVED: { color: "teal", label: "Received" },
} as const satisfies Record<ShownStatus, { color: string; label: string }>;

/**
 * Where an email stands, as a badge that changes in place. The colour is
 * only the dot; the words stay dark enough to read (WCAG AA).
 */
export function EmailStatusBadge({ status }: { status: ShownStatus }) {
  const look = looks[status];

  return (
    <Badge variant="dot" color={look.color} data-status={status}>
      {look.label}
    </Badge>
  );
}
