import { Anchor, Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { EmailStatusBadge } from "../../emails/email-status-badge.tsx";
import { formatDateTime } from "../../format.ts";

type Email = RouterOutputs["vehicle"]["get"]["emails"][number];

/** The emails about a vehicle, latest first, each status changing live. */
export function EmailTable(props: { emails: Email[] }) {
  if (props.emails.length === 0) {
    return <Text c="dimmed">No emails yet.</Text>;
  }

  return (
    <Table aria-label="Emails">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th>Campaign</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.emails.map((email) => (
          <Table.Tr key={email.id}>
            <Table.Td>
              {formatDateTime(email.sentAt ?? email.createdAt)}
            </Table.Td>
            <Table.Td>
              {email.threadId === null ? (
                email.subject
              ) : (
                <Anchor
                  component={Link}
                  to={`/conversations/${email.threadId}`}
                >
                  {email.subject}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td>
              {email.campaignId === null ? (
                "—"
              ) : (
                <Anchor component={Link} to={`/campaigns/${email.campaignId}`}>
                  #{email.campaignId}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td>
              <EmailStatusBadge status={email.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
