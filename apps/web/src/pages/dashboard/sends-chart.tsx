import "@mantine/charts/styles.css";

import { BarChart } from "@mantine/charts";

export interface DayCounts {
  day: string;
  sent: number;
  delivered: number;
  booked: number;
}

const dayLabel = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** "2026-06-15", a day in the shop's zone, as "Jun 15" in any viewer's. */
function shortDay(day: string) {
  const date = new Date(`${day}T12:00:00Z`);

  return Number.isNaN(date.getTime()) ? day : dayLabel.format(date);
}

/**
 * Emails sent and delivered and bookings made per day. Its own chunk:
 * recharts loads only when a page draws a chart.
 */
export default function SendsChart({ series }: { series: DayCounts[] }) {
  return (
    <BarChart
      h={260}
      data={series}
      dataKey="day"
      withLegend
      yAxisProps={{ allowDecimals: false }}
      xAxisProps={{ tickFormatter: shortDay }}
      series={[
        { name: "sent", label: "Sent", color: "indigo.7" },
        { name: "delivered", label: "Delivered", color: "teal.8" },
        { name: "booked", label: "Booked", color: "orange.8" },
      ]}
    />
  );
}
