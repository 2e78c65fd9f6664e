import { Anchor } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { EmailStatusBadge } from "../../emails/email-status-badge.tsx";
import { formatDateTime } from "../../format.ts";
import { ListTable, type Column } from "../../shell/list-table.tsx";

type Email = RouterOutputs["vehicle"]["get"]["emails"][number];

/** The emails about a vehicle, latest first, each status changing live. */
const columns: Column<Email>[] = [
  {
    header: "When",
    cell: (email) => formatDateTime(email.sentAt ?? email.createdAt),
  },
  {
    header: "Subject",
    cell: (email) =>
      email.threadId === null ? (
        email.subject
      ) : (
        <Anchor component={Link} to={`/conversations/${email.threadId}`}>
          {email.subject}
        </Anchor>
      ),
  },
  {
    header: "Campaign",
    cell: (email) =>
      email.campaignId === null ? (
        "—"
      ) : (
        <Anchor component={Link} to={`/campaigns/${email.campaignId}`}>
          #{email.campaignId}
        </Anchor>
      ),
  },
  {
    header: "Status",
    cell: (email) => <EmailStatusBadge status={email.status} />,
  },
];

export function EmailTable(props: { emails: Email[] }) {
  return (
    <ListTable
      label="Emails"
      columns={columns}
      rows={props.emails}
      empty="No emails yet."
    />
  );
}
