import { Anchor, Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { Link, useNavigate } from "react-router";

import { formatDateTime } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { DialogButton } from "../../shell/dialog-button.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { CampaignProgress } from "./campaign-progress.tsx";
import { campaignName, statusColor } from "./campaign-status.ts";
import { SendCampaignForm } from "./send-campaign-form.tsx";

type CampaignRow = RouterOutputs["campaign"]["list"][number];

const PAGE_SIZE = 25;

function CampaignRows({ campaigns }: { campaigns: CampaignRow[] }) {
  return campaigns.map((campaign) => (
    <Table.Tr key={campaign.id}>
      <Table.Td>
        <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
          {campaignName(campaign)}
        </Anchor>
      </Table.Td>
      <Table.Td>{formatDateTime(campaign.createdAt)}</Table.Td>
      <Table.Td>
        <Badge color={statusColor[campaign.status]} variant="filled">
          {campaign.status.toLowerCase()}
        </Badge>
      </Table.Td>
      <Table.Td miw={260}>
        <CampaignProgress
          counts={campaign.counts}
          label={`Emails of ${campaignName(campaign)}`}
        />
      </Table.Td>
    </Table.Tr>
  ));
}

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
      {list.isPending ? (
        <PageLoader />
      ) : campaigns.length === 0 ? (
        <Text c="dimmed">No campaigns yet.</Text>
      ) : (
        <Table aria-label="Campaigns" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Emails</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <CampaignRows campaigns={campaigns} />
          </Table.Tbody>
        </Table>
      )}
      <LoadMore query={list} />
    </Stack>
  );
}
