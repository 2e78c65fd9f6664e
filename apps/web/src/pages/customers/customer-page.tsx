import { Anchor, Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { MileageEstimate } from "../vehicles/mileage-estimate.tsx";
import { VehicleForm } from "./vehicle-form.tsx";

type Customer = RouterOutputs["customer"]["get"];

function VehicleTable({ vehicles }: { vehicles: Customer["vehicles"] }) {
  if (vehicles.length === 0) {
    return <Text c="dimmed">No vehicles yet.</Text>;
  }

  return (
    <Table aria-label="Vehicles">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Vehicle</Table.Th>
          <Table.Th>VIN</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Estimated mileage</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {vehicles.map((vehicle) => (
          <Table.Tr key={vehicle.id}>
            <Table.Td>
              <Anchor component={Link} to={`/vehicles/${vehicle.id}`}>
                {vehicle.year} {vehicle.make} {vehicle.model}
              </Anchor>
            </Table.Td>
            <Table.Td>{vehicle.vin ?? "—"}</Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray">
                {vehicle.status.toLowerCase()}
              </Badge>
            </Table.Td>
            <Table.Td>
              <MileageEstimate estimate={vehicle.estimatedMileage} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CustomerDetails({ customer }: { customer: Customer }) {
  const name = `${customer.firstName} ${customer.lastName}`;
  useDocumentTitle(`${name} · Rally`);

  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/customers" size="sm">
          Customers
        </Anchor>
        <Title order={1}>{name}</Title>
        <Text c="dimmed">
          {[customer.email, customer.phone].filter(Boolean).join(" · ") ||
            "No contact details"}
        </Text>
      </div>
      <Title order={2} size="h3">
        Vehicles
      </Title>
      <VehicleTable vehicles={customer.vehicles} />
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          Add a vehicle
        </Title>
        <VehicleForm customerId={customer.id} />
      </Paper>
    </Stack>
  );
}

export default function CustomerPage() {
  const id = useIdParam("customerId");
  const customer = trpc.customer.get.useQuery({ id });

  if (customer.error) {
    return <QueryError error={customer.error} />;
  }

  return customer.data ? (
    <CustomerDetails customer={customer.data} />
  ) : (
    <PageLoader />
  );
}
