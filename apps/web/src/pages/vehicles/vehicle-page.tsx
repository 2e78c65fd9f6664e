import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { RouterOutputs } from "@rally/client";
import { Link } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { useIdParam } from "../../routing/use-id-param.ts";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { AppointmentTable } from "./appointment-table.tsx";
import { EmailTable } from "./email-table.tsx";
import { MileageEstimate } from "./mileage-estimate.tsx";
import { ServiceHistoryTable } from "./service-history-table.tsx";
import { ServiceRecordForm } from "./service-record-form.tsx";

type Vehicle = RouterOutputs["vehicle"]["get"];

function VehicleDetails({ vehicle }: { vehicle: Vehicle }) {
  const title = `${vehicle.year} ${vehicle.make} ${vehicle.model}`;
  useDocumentTitle(`${title} · Rally`);
  const serviceTypes = trpc.serviceType.list.useQuery();
  const { customer } = vehicle;

  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/customers/${customer.id}`} size="sm">
          {customer.firstName} {customer.lastName}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{title}</Title>
          <Badge variant="light" color="gray">
            {vehicle.status.toLowerCase()}
          </Badge>
        </Group>
        <Text c="dimmed">VIN {vehicle.vin ?? "unknown"}</Text>
      </div>
      <Paper
        component="section"
        withBorder
        p="md"
        aria-label="Estimated mileage"
      >
        <Text size="sm" fw={500}>
          Estimated mileage today
        </Text>
        <MileageEstimate estimate={vehicle.estimatedMileage} />
      </Paper>
      <Title order={2} size="h3">
        Service history
      </Title>
      <ServiceHistoryTable records={vehicle.serviceRecords} />
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          Add a service record
        </Title>
        {serviceTypes.error ? <QueryError error={serviceTypes.error} /> : null}
        {serviceTypes.data ? (
          <ServiceRecordForm
            vehicleId={vehicle.id}
            serviceTypes={serviceTypes.data}
          />
        ) : null}
      </Paper>
      <Title order={2} size="h3">
        Appointments
      </Title>
      <AppointmentTable appointments={vehicle.appointments} />
      <Title order={2} size="h3">
        Emails
      </Title>
      <EmailTable emails={vehicle.emails} />
    </Stack>
  );
}

export default function VehiclePage() {
  const id = useIdParam("vehicleId");
  const vehicle = trpc.vehicle.get.useQuery({ id });

  if (vehicle.error) {
    return <QueryError error={vehicle.error} />;
  }

  return vehicle.data ? (
    <VehicleDetails vehicle={vehicle.data} />
  ) : (
    <PageLoader />
  );
}
