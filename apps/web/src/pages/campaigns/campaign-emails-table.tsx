import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";

import { EmailStatusBadge } from "../../emails/email-status-badge.tsx";
import { QueryError } from "../../forms/query-error.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";

const PAGE_SIZE = 50;

/**
 * The campaign's emails a page at a time; each row's status changes in
 * place as its events arrive (see live/campaign-updates.ts).
 */
export function CampaignEmailsTable({ campaignId }: { campaignId: number }) {
  const emails = trpc.campaign.emails.useInfiniteQuery(
    { campaignId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const rows = emails.data?.pages.flatMap((page) => page.items) ?? [];
  if (emails.error) {
    return <QueryError error={emails.error} />;
  }
  if (emails.isPending) {
    return <PageLoader />;
  }
  if (rows.length === 0) {
    return <Text c="dimmed">This campaign emailed no one.</Text>;
  }

  return (
    <>
      <Table aria-label="Campaign emails" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Vehicle</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((email) => (
            <Table.Tr key={email.id} data-email-id={email.id}>
              <Table.Td>
                {email.customer ? (
                  <Anchor
                    component={Link}
                    to={`/customers/${email.customer.id}`}
                  >
                    {email.customer.lastName}, {email.customer.firstName}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>{email.toAddress}</Table.Td>
              <Table.Td>
                {email.vehicle
                  ? `${email.vehicle.year} ${email.vehicle.make} ${email.vehicle.model}`
                  : "—"}
              </Table.Td>
              <Table.Td>
                <EmailStatusBadge
                  status={email.status}
                  title={email.lastError ?? undefined}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMore query={emails} label="Load more emails" />
    </>
  );
}
