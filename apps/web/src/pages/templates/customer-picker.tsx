import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import { useState } from "react";

import { trpc } from "../../trpc.ts";

export interface ChosenCustomer {
  id: number;
  name: string;
}

/** Chooses whom the preview renders for: a customer found by search, or the sample. */
export function CustomerPicker(props: {
  chosen: ChosenCustomer | null;
  onChoose: (customer: ChosenCustomer | null) => void;
}) {
  const [search, setSearch] = useState("");
  const [settled] = useDebouncedValue(search.trim(), 300);
  const found = trpc.customer.list.useQuery(
    { search: settled, limit: 5 },
    { enabled: settled !== "" },
  );
  if (props.chosen) {
    return (
      <Group justify="space-between">
        <Text size="sm">For {props.chosen.name}</Text>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => props.onChoose(null)}
        >
          Use the sample customer
        </Button>
      </Group>
    );
  }

  return (
    <Stack gap="xs">
      <TextInput
        label="Preview for a customer"
        description="Name, email, phone or VIN; empty for the sample customer"
        type="search"
        maxLength={limits.search}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      <Group gap="xs">
        {settled === ""
          ? null
          : (found.data?.items ?? []).map((customer) => {
              const name = `${customer.firstName} ${customer.lastName}`;

              return (
                <Button
                  key={customer.id}
                  size="compact-sm"
                  variant="default"
                  onClick={() => {
                    setSearch("");
                    props.onChoose({ id: customer.id, name });
                  }}
                >
                  Preview for {name}
                </Button>
              );
            })}
      </Group>
    </Stack>
  );
}
