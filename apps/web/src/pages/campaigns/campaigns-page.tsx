import { Anchor, Badge, Group, Stack, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { Link, useNavigate } from "react-router";

import { formatDateTime } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { DialogButton } from "../../shell/dialog-button.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";
import { CampaignProgress } from "./campaign-progress.tsx";
import { campaignName, statusColor } from "./campaign-status.ts";
import { SendCampaignForm } from "./send-campaign-form.tsx";

type CampaignRow = RouterOutputs["campaign"]["list"][number];

const PAGE_SIZE = 25;

const columns: Column<CampaignRow>[] = [
  {
    header: "Campaign",
    cell: (campaign) => (
      <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
        {campaignName(campaign)}
      </Anchor>
    ),
  },
  { header: "Started", cell: (campaign) => formatDateTime(campaign.createdAt) },
  {
    header: "Status",
    cell: (campaign) => (
      <Badge color={statusColor[campaign.status]} variant="filled">
        {campaign.status.toLowerCase()}
      </Badge>
    ),
  },
  {
    header: "Emails",
    miw: 260,
    cell: (campaign) => (
      <CampaignProgress
        counts={campaign.counts}
        label={`Emails of ${campaignName(campaign)}`}
      />
    ),
  },
];

/** A button that opens the send dialog, then shows the new campaign. */
function SendCampaign() {
  const navigate = useNavigate();

  return (
    <DialogButton label="Send campaign">
      {(close) => (
        <SendCampaignForm
          onSent={(sent) => {
            close();
            void navigate(`/campaigns/${sent.campaign.id}`);
          }}
        />
      )}
    </DialogButton>
  );
}

/** Every campaign, newest first, its emails' progress moving live. */
export default function CampaignsPage() {
  useDocumentTitle("Campaigns · Rally");
  const list = trpc.campaign.list.useInfiniteQuery(
    { limit: PAGE_SIZE },
    {
      getNextPageParam: (page) =>
        page.length === PAGE_SIZE ? page.at(-1)?.id : undefined,
    },
  );
  const campaigns = list.data?.pages.flat() ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Campaigns</Title>
        <SendCampaign />
      </Group>
      {list.error ? <QueryError error={list.error} /> : null}
      <ListTable
        label="Campaigns"
        columns={columns}
        rows={campaigns}
        isPending={list.isPending}
        empty="No campaigns yet."
        verticalSpacing="sm"
      />
      <LoadMore query={list} />
    </Stack>
  );
}
