import "@mantine/charts/styles.css";

import { BarChart } from "@mantine/charts";

export interface DayCounts {
  day: string;
  sent: number;
  delivered: number;
  booked: number;
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
      series={[
        { name: "sent", label: "Sent", color: "indigo.7" },
        { name: "delivered", label: "Delivered", color: "teal.8" },
        { name: "booked", label: "Booked", color: "orange.8" },
      ]}
    />
  );
}
