import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import { useState } from "react";

import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { describeCondition, describeVerdict } from "./explain-reasons.ts";

/** Finds a vehicle by its owner's name, email, phone or its VIN. */
function VehicleSearch(props: { onChoose: (vehicleId: number) => void }) {
  const [search, setSearch] = useState("");
  const [settled] = useDebouncedValue(search.trim(), 300);
  const found = trpc.customer.list.useQuery(
    { search: settled, limit: 5 },
    { enabled: settled !== "" },
  );
  const vehicles = (found.data?.items ?? []).flatMap((customer) =>
    customer.vehicles.map((vehicle) => ({ ...vehicle, customer })),
  );

  return (
    <Stack gap="xs">
      <TextInput
        label="Find a vehicle"
        description="Owner's name, email or phone, or the VIN"
        type="search"
        maxLength={limits.search}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {settled !== "" && found.data && vehicles.length === 0 ? (
        <Text c="dimmed" size="sm">
          No vehicle found.
        </Text>
      ) : null}
      <Group gap="xs">
        {vehicles.map((vehicle) => (
          <Button
            key={vehicle.id}
            size="compact-sm"
            variant="default"
            onClick={() => props.onChoose(vehicle.id)}
          >
            Explain {vehicle.year} {vehicle.make} {vehicle.model} (
            {vehicle.customer.lastName})
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

function Explanation(props: { ruleId: number; vehicleId: number }) {
  const explain = trpc.cohort.explain.useQuery(props);
  if (explain.error) {
    return <QueryError error={explain.error} />;
  }
  if (!explain.data) {
    return <PageLoader />;
  }
  const verdict = describeVerdict(explain.data);

  return (
    <Stack gap="xs" aria-label="Explanation">
      <Alert
        color={explain.data.isEligible ? "green" : "gray"}
        title={verdict}
      />
      <List spacing="xs" listStyleType="none" aria-label="Conditions">
        {explain.data.conditions.map((condition) => {
          const described = describeCondition(condition);

          return (
            <List.Item key={condition.condition}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text
                  fw={700}
                  size="sm"
                  w={60}
                  // Mantine's darkest green is below AA contrast for small text.
                  c={condition.holds ? "#1f6e33" : "red.9"}
                >
                  {condition.holds ? "passed" : "failed"}
                </Text>
                <div>
                  <Text fw={600} size="sm">
                    {described.label}
                  </Text>
                  <Text size="sm">{described.reason}</Text>
                </div>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

/**
 * "Why is this vehicle (not) due?" for the saved rule. Unsaved edits are
 * not explained: cohort.explain reads the rule as stored, so staff save
 * first to ask about a change.
 */
export function ExplainVehicle(props: {
  ruleId?: number | undefined;
  vehicleId: number | null;
  onChoose: (vehicleId: number) => void;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Why is a vehicle due, or not?
      </Title>
      {props.ruleId ? (
        <Stack>
          <Text size="sm" c="dimmed">
            Explains the rule as saved.
          </Text>
          <VehicleSearch onChoose={props.onChoose} />
          {props.vehicleId ? (
            <Explanation ruleId={props.ruleId} vehicleId={props.vehicleId} />
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Save the rule to ask why a vehicle is or is not due.
        </Text>
      )}
    </Paper>
  );
}
