import { Anchor, Badge, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { MileageEstimate } from "../vehicles/mileage-estimate.tsx";
import { VehicleForm } from "./vehicle-form.tsx";

type Customer = RouterOutputs["customer"]["get"];

const vehicleColumns: Column<Customer["vehicles"][number]>[] = [
  {
    header: "Vehicle",
    cell: (vehicle) => (
      <Anchor component={Link} to={`/vehicles/${vehicle.id}`}>
        {vehicle.year} {vehicle.make} {vehicle.model}
      </Anchor>
    ),
  },
  { header: "VIN", cell: (vehicle) => vehicle.vin ?? "—" },
  {
    header: "Status",
    cell: (vehicle) => (
      <Badge variant="light" color="gray">
        {vehicle.status.toLowerCase()}
      </Badge>
    ),
  },
  {
    header: "Estimated mileage",
    cell: (vehicle) => <MileageEstimate estimate={vehicle.estimatedMileage} />,
  },
];

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
      <ListTable
        label="Vehicles"
        columns={vehicleColumns}
        rows={customer.vehicles}
        empty="No vehicles yet."
      />
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
