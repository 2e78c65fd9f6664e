import { Anchor } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { EmailStatusBadge } from "../../emails/email-status-badge.tsx";
import { QueryError } from "../../forms/query-error.tsx";
import { formatCount } from "../../format.ts";
import { LoadMore } from "../../shell/load-more.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";

type Email = RouterOutputs["campaign"]["emails"]["items"][number];

const PAGE_SIZE = 50;

const columns: Column<Email>[] = [
  {
    header: "Customer",
    cell: (email) =>
      email.customer ? (
        <Anchor component={Link} to={`/customers/${email.customer.id}`}>
          {email.customer.lastName}, {email.customer.firstName}
        </Anchor>
      ) : (
        "—"
      ),
  },
  { header: "Address", cell: (email) => email.toAddress },
  {
    header: "Vehicle",
    cell: (email) => {
      if (!email.vehicle) {
        return "—";
      }
      const others = email.vehicleCount - 1;
      const named = `${email.vehicle.year} ${email.vehicle.make} ${email.vehicle.model}`;

      return others > 0 ? `${named} and ${formatCount(others)} more` : named;
    },
  },
  {
    header: "Status",
    cell: (email) => (
      <EmailStatusBadge
        status={email.status}
        title={email.lastError ?? undefined}
      />
    ),
  },
];

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

  return (
    <>
      <ListTable
        label="Campaign emails"
        columns={columns}
        rows={rows}
        isPending={emails.isPending}
        rowAttributes={(email) => ({ "data-email-id": email.id })}
        empty="This campaign emailed no one."
        striped
      />
      <LoadMore query={emails} label="Load more emails" />
    </>
  );
}
