import { Badge } from "@mantine/core";

import { statusLook, type EmailStatus } from "./email-status.ts";

/** "Sending…" is the console's own: a reply the server has not taken yet. */
export type ShownStatus = EmailStatus | "PENDING";

const pendingLook = { label: "Sending…", color: "gray.5" };

/**
 * Where an email stands, as a badge that changes in place, in the same
 * colour as its part of a campaign's bar. The colour is only the dot; the
 * words stay dark enough to read (WCAG AA).
 */
export function EmailStatusBadge(props: {
  status: ShownStatus;
  title?: string | undefined;
}) {
  const { status } = props;
  const look = status === "PENDING" ? pendingLook : statusLook(status);

  return (
    <Badge
      variant="dot"
      color={look.color}
      title={props.title}
      data-status={status}
    >
      {look.label}
    </Badge>
  );
}
