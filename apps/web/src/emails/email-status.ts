import type { RouterOutputs } from "@rally/client";

export type EmailStatus =
  RouterOutputs["conversation"]["thread"]["messages"][number]["status"];

export type StatusCounts = Partial<Record<EmailStatus, number>>;

/**
 * How every email status looks wherever the console shows one: a campaign's
 * bar, its legend and the status badges. A status the API adds fails
 * type-checking here until it is given a look. Listed in the bar's order,
 * furthest along first; RECEIVED is an inbound email's, so no campaign or
 * outbound count ever shows it.
 */
const looks = {
  DELIVERED: { label: "Delivered", color: "teal.8" },
  SENT: { label: "Sent", color: "indigo.7" },
  SENDING: { label: "Sending", color: "blue.5" },
  QUEUED: { label: "Queued", color: "gray.5" },
  BOUNCED: { label: "Bounced", color: "red.8" },
  FAILED: { label: "Failed", color: "orange.8" },
  SKIPPED: { label: "Skipped", color: "yellow.6" },
  CANCELLED: { label: "Cancelled", color: "dark.4" },
  RECEIVED: { label: "Received", color: "cyan.7" },
} as const satisfies Record<EmailStatus, { label: string; color: string }>;

export const emailStatuses = (Object.keys(looks) as EmailStatus[]).map(
  (status) => ({ status, ...looks[status] }),
);

export function statusLook(status: EmailStatus) {
  return looks[status];
}

export function totalOf(counts: StatusCounts) {
  return Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
}
