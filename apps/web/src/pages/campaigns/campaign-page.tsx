import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { formatCount, formatDateTime } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { PageLoader } from "../../shell/page-loader.tsx";
import { PageSection } from "../../shell/page-section.tsx";
import { trpc } from "../../trpc.ts";
import { CampaignControls } from "./campaign-controls.tsx";
import { CampaignEmailsTable } from "./campaign-emails-table.tsx";
import { CampaignProgress } from "./campaign-progress.tsx";
import { campaignName, statusColor } from "./campaign-status.ts";
import { FunnelSteps } from "./funnel-steps.tsx";

type Campaign = RouterOutputs["campaign"]["get"];

function CampaignFunnel({ campaignId }: { campaignId: number }) {
  const funnel = trpc.campaign.funnel.useQuery({ campaignId });
  const counts = funnel.data?.campaigns[0];
  if (funnel.error) {
    return <QueryError error={funnel.error} />;
  }

  return counts ? (
    <FunnelSteps funnel={counts} label="Campaign funnel" />
  ) : (
    <PageLoader />
  );
}

function CampaignFacts({ campaign }: { campaign: Campaign }) {
  return (
    <Text c="dimmed">
      {campaign.template ? `Template ${campaign.template.name}. ` : ""}
      Started {formatDateTime(campaign.startedAt ?? campaign.createdAt)}
      {campaign.finishedAt
        ? `, finished ${formatDateTime(campaign.finishedAt)}`
        : ""}
      . {formatCount(campaign.recipients)} vehicles
      {campaign.controls > 0
        ? ` and ${formatCount(campaign.controls)} held out as control`
        : ""}
      , one email per customer (a customer's vehicles share it) .
      {campaign.pausedReason ? ` Paused: ${campaign.pausedReason}.` : ""}
    </Text>
  );
}

/** One campaign: live counts per status, its controls, funnel and emails. */
export default function CampaignPage() {
  const id = useIdParam("campaignId");
  const query = trpc.campaign.get.useQuery({ id });
  const campaign = query.data;
  useDocumentTitle(campaign ? `${campaignName(campaign)} · Rally` : "Rally");
  if (query.error) {
    return <QueryError error={query.error} />;
  }
  if (!campaign) {
    return <PageLoader />;
  }

  return (
    <Stack>
      <Anchor component={Link} to="/campaigns" size="sm">
        All campaigns
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{campaignName(campaign)}</Title>
            <Badge
              color={statusColor[campaign.status]}
              variant="filled"
              aria-label={`Status ${campaign.status.toLowerCase()}`}
            >
              {campaign.status.toLowerCase()}
            </Badge>
          </Group>
          <CampaignFacts campaign={campaign} />
        </div>
        <CampaignControls campaign={campaign} />
      </Group>
      <PageSection
        id="progress-heading"
        title={`${formatCount(campaign.emails)} emails`}
      >
        <CampaignProgress counts={campaign.counts} label="Emails by status" />
      </PageSection>
      <PageSection id="funnel-heading" title="Funnel">
        <CampaignFunnel campaignId={campaign.id} />
      </PageSection>
      <PageSection id="emails-heading" title="Emails">
        <CampaignEmailsTable campaignId={campaign.id} />
      </PageSection>
    </Stack>
  );
}
