import { Group, Progress, Text } from "@mantine/core";

import {
  emailStatuses,
  totalOf,
  type StatusCounts,
} from "../../emails/email-status.ts";
import { formatCount } from "../../format.ts";

/**
 * A campaign's emails by status as one bar, with the counts in words
 * beside it for anyone who cannot tell the colours apart.
 */
export function CampaignProgress(props: {
  counts: StatusCounts;
  label: string;
  showLegend?: boolean;
}) {
  const total = totalOf(props.counts);
  const shown = emailStatuses.filter(({ status }) => props.counts[status]);

  return (
    <div>
      <Progress.Root size="lg" aria-label={props.label}>
        {shown.map(({ status, label, color }) => {
          const count = props.counts[status] ?? 0;

          return (
            <Progress.Section
              key={status}
              value={total > 0 ? (count / total) * 100 : 0}
              color={color}
              aria-label={`${label}: ${count} of ${total}`}
            />
          );
        })}
      </Progress.Root>
      {props.showLegend === false ? null : (
        <Group gap="md" mt={4}>
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              No emails
            </Text>
          ) : (
            shown.map(({ status, label }) => (
              <Text key={status} size="sm" data-status={status}>
                {label} {formatCount(props.counts[status] ?? 0)}
              </Text>
            ))
          )}
        </Group>
      )}
    </div>
  );
}
