import { Stack, Text } from "@mantine/core";
import { DateTime } from "luxon";

const viewerZone = DateTime.local().zoneName;

/** "Tue, Jun 16, 2026, 9:00 AM CDT": a moment on one zone's wall clock. */
export function inZone(at: Date, zone: string) {
  const local = DateTime.fromJSDate(at).setZone(zone);
  const date = local.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);

  return `${date} ${local.offsetNameShort ?? zone}`;
}

/** A moment as the shop lives it, and as the viewer does. */
export function ZonedTime({ at, shopZone }: { at: Date; shopZone: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" component="span">
        Shop: {inZone(at, shopZone)}
      </Text>
      <Text size="xs" c="dimmed" component="span">
        You: {inZone(at, viewerZone)}
      </Text>
    </Stack>
  );
}
