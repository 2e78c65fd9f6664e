import type { RouterOutputs } from "@rally/client";

export type EmailStatus =
  RouterOutputs["campaign"]["emails"]["items"][number]["status"];

export type StatusCounts = Partial<Record<EmailStatus, number>>;

/** Statuses in the order a campaign's bar shows them, furthest along first. */
export const emailStatuses = [
  { status: "DELIVERED", label: "Delivered", color: "teal.8" },
  { status: "SENT", label: "Sent", color: "indigo.7" },
  { status: "SENDING", label: "Sending", color: "blue.5" },
  { status: "QUEUED", label: "Queued", color: "gray.5" },
  { status: "BOUNCED", label: "Bounced", color: "red.8" },
  { status: "FAILED", label: "Failed", color: "orange.8" },
  { status: "SKIPPED", label: "Skipped", color: "yellow.6" },
  { status: "CANCELLED", label: "Cancelled", color: "dark.4" },
] as const satisfies { status: EmailStatus; label: string; color: string }[];

const labels: Partial<Record<EmailStatus, string>> = Object.fromEntries(
  emailStatuses.map(({ status, label }) => [status, label]),
);

export function statusLabel(status: EmailStatus) {
  return labels[status] ?? status.toLowerCase();
}

export function totalOf(counts: StatusCounts) {
  return Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
}
