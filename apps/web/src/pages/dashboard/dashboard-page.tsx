import { Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { lazy, Suspense } from "react";

import { emailStatuses } from "../../emails/email-status.ts";
import { formatCount } from "../../format.ts";
import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { PageSection } from "../../shell/page-section.tsx";
import { trpc } from "../../trpc.ts";
import { FunnelSteps } from "../campaigns/funnel-steps.tsx";
import { DueByRuleTable } from "./due-by-rule-table.tsx";
import { StatCards } from "./stat-cards.tsx";
import { UpcomingRuns } from "./upcoming-runs.tsx";

// The chart library is the biggest thing on the page: it loads after the
// numbers, in its own chunk.
const SendsChart = lazy(() => import("./sends-chart.tsx"));

type Summary = RouterOutputs["dashboard"]["summary"];

function EmailsToday({ counts }: { counts: Summary["emailsToday"] }) {
  const shown = emailStatuses.filter(({ status }) => counts[status]);
  if (shown.length === 0) {
    return <Text c="dimmed">No email activity yet today.</Text>;
  }

  return (
    <Group component="ul" aria-label="Emails by status today" p={0} m={0}>
      {shown.map(({ status, label }) => (
        <Text component="li" key={status} style={{ listStyle: "none" }}>
          {label} <strong>{formatCount(counts[status] ?? 0)}</strong>
        </Text>
      ))}
    </Group>
  );
}

/** The numbers staff check first: who waits for an answer, who is booked. */
function glanceStats(summary: Summary) {
  return [
    { label: "Replies waiting", value: summary.conversations.needsReply },
    { label: "Unread messages", value: summary.conversations.unreadMessages },
    {
      label: "Booked this week",
      value: summary.appointments.bookedThisWeek,
    },
    {
      label: "Appointments next 7 days",
      value: summary.appointments.upcomingWeek,
    },
  ];
}

function SummaryView({ summary }: { summary: Summary }) {
  return (
    <>
      <StatCards label="At a glance" stats={glanceStats(summary)} />
      <PageSection id="today-heading" title="Emails today">
        <Text size="sm" c="dimmed" mb="xs">
          Each email counts under every status it reached today.
        </Text>
        <EmailsToday counts={summary.emailsToday} />
      </PageSection>
      <PageSection id="funnel-heading" title="Funnel, last 30 days">
        <FunnelSteps
          funnel={summary.funnel.totals}
          label="Email to booking funnel"
        />
      </PageSection>
      <PageSection id="chart-heading" title="Sends per day">
        <figure
          aria-label="Emails sent, delivered and booked per day"
          style={{ margin: 0 }}
        >
          <Suspense fallback={<PageLoader />}>
            <SendsChart series={summary.funnel.series} />
          </Suspense>
        </figure>
      </PageSection>
      <PageSection id="runs-heading" title="Upcoming scheduled runs">
        <UpcomingRuns runs={summary.upcomingRuns} />
      </PageSection>
    </>
  );
}

/** The shop at a glance; every number follows live events. */
export default function DashboardPage() {
  useDocumentTitle("Dashboard · Rally");
  const summary = trpc.dashboard.summary.useQuery({});

  return (
    <Stack gap="lg">
      <Title order={1}>Dashboard</Title>
      {summary.error ? <QueryError error={summary.error} /> : null}
      {summary.data ? <SummaryView summary={summary.data} /> : <PageLoader />}
      <PageSection id="due-heading" title="Due vehicles per rule">
        <DueByRuleTable />
      </PageSection>
    </Stack>
  );
}
