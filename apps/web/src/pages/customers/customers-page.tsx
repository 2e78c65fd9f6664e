import { Anchor, Group, Stack, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useDocumentTitle } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { QueryError } from "../../forms/query-error.tsx";
import { DialogButton } from "../../shell/dialog-button.tsx";
import { LoadMore } from "../../shell/load-more.tsx";
import { ListTable, type Column } from "../../shell/list-table.tsx";
import { trpc } from "../../trpc.ts";
import { CustomerForm } from "./customer-form.tsx";

type CustomerRow = RouterOutputs["customer"]["list"]["items"][number];

const PAGE_SIZE = 25;

const columns: Column<CustomerRow>[] = [
  {
    header: "Name",
    cell: (customer) => (
      <Anchor component={Link} to={`/customers/${customer.id}`}>
        {customer.lastName}, {customer.firstName}
      </Anchor>
    ),
  },
  { header: "Email", cell: (customer) => customer.email ?? "—" },
  { header: "Phone", cell: (customer) => customer.phone ?? "—" },
  {
    header: "Vehicles",
    cell: (customer) =>
      customer.vehicles
        .map((v) => `${v.year} ${v.make} ${v.model}`)
        .join(", ") || "—",
  },
];

/** A button that opens the walk-in form, then shows the new customer. */
function NewCustomer() {
  const navigate = useNavigate();

  return (
    <DialogButton label="New customer">
      {(close) => (
        <CustomerForm
          onCreated={(customer) => {
            close();
            void navigate(`/customers/${customer.id}`);
          }}
        />
      )}
    </DialogButton>
  );
}

export default function CustomersPage() {
  useDocumentTitle("Customers · Rally");
  const [search, setSearch] = useState("");
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const list = trpc.customer.list.useInfiniteQuery(
    { search: debouncedSearch || undefined, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Customers</Title>
        <NewCustomer />
      </Group>
      <TextInput
        label="Search"
        description="Name, email, phone or VIN"
        type="search"
        maxLength={limits.search}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {list.error ? <QueryError error={list.error} /> : null}
      <ListTable
        label="Customers"
        columns={columns}
        rows={customers}
        isPending={list.isPending}
        empty="No customers match."
        striped
        highlightOnHover
      />
      <LoadMore query={list} />
    </Stack>
  );
}
