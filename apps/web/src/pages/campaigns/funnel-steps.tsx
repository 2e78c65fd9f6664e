import { Group, Paper, Stack, Text } from "@mantine/core";

import { formatCount } from "../../format.ts";

export interface FunnelCounts {
  recipients: number;
  sent: number;
  delivered: number;
  replied: number;
  booked: number;
}

/**
 * Recipients and bookings count vehicles; the steps between count emails
 * (one per customer, however many vehicles they have), so each step's
 * share is of the step it follows from.
 */
const steps = [
  { key: "recipients", label: "Vehicles", shareOf: null },
  { key: "sent", label: "Emails sent", shareOf: null },
  { key: "delivered", label: "Delivered", shareOf: "sent" },
  { key: "replied", label: "Replied", shareOf: "sent" },
  { key: "booked", label: "Booked", shareOf: "recipients" },
] as const;

const percent = new Intl.NumberFormat(undefined, {
  style: "percent",
  maximumFractionDigits: 1,
});

const shareWords = { sent: "of emails sent", recipients: "of vehicles" };

function Share(props: { part: number; whole: number; of: string }) {
  return (
    <Text size="xs" c="dimmed">
      {props.whole > 0
        ? `${percent.format(props.part / props.whole)} ${props.of}`
        : "—"}
    </Text>
  );
}

/** From email to booking: each step's count and its share. */
export function FunnelSteps(props: { funnel: FunnelCounts; label: string }) {
  const { funnel } = props;

  return (
    <Group
      component="ol"
      aria-label={props.label}
      gap="sm"
      p={0}
      m={0}
      grow
      align="stretch"
    >
      {steps.map(({ key, label, shareOf }) => (
        <Paper
          component="li"
          key={key}
          withBorder
          p="sm"
          style={{ listStyle: "none" }}
          data-step={key}
        >
          <Stack gap={0}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="xl">
              {formatCount(funnel[key])}
            </Text>
            {shareOf ? (
              <Share
                part={funnel[key]}
                whole={funnel[shareOf]}
                of={shareWords[shareOf]}
              />
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Group>
  );
}
