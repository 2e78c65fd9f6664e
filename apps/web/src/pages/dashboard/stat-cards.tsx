import { Paper, SimpleGrid, Text } from "@mantine/core";

import { formatCount } from "../../format.ts";

export interface Stat {
  label: string;
  value: number;
}

/** A row of headline numbers, each with its label. */
export function StatCards({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <SimpleGrid
      component="ul"
      aria-label={label}
      cols={{ base: 2, md: 4 }}
      p={0}
      m={0}
    >
      {stats.map((stat) => (
        <Paper
          component="li"
          key={stat.label}
          withBorder
          p="md"
          style={{ listStyle: "none" }}
        >
          <Text size="sm" c="dimmed">
            {stat.label}
          </Text>
          <Text fw={700} size="xl">
            {formatCount(stat.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
