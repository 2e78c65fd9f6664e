import { Text } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

type Estimate = RouterOutputs["vehicle"]["get"]["estimatedMileage"];

const miles = new Intl.NumberFormat("en-US");

/** How the estimate was reached, in words staff can check. */
export function describeEstimate(estimate: NonNullable<Estimate>) {
  const readings = `${estimate.readings} odometer reading${estimate.readings === 1 ? "" : "s"}`;
  const rate = `${miles.format(estimate.milesPerDay)} mi/day`;

  return estimate.isDefaultRate
    ? `From ${readings} and the default rate of ${rate}`
    : `From ${readings}, at this vehicle's own ${rate}`;
}

/** The estimated odometer today, with how it was estimated beneath it. */
export function MileageEstimate({
  estimate,
  size = "sm",
}: {
  estimate: Estimate;
  size?: "sm" | "xs";
}) {
  if (!estimate) {
    return (
      <Text size={size} c="dimmed">
        No odometer readings
      </Text>
    );
  }

  return (
    <div>
      <Text size={size}>≈ {miles.format(estimate.miles)} mi</Text>
      <Text size="xs" c="dimmed">
        {describeEstimate(estimate)}
      </Text>
    </div>
  );
}
