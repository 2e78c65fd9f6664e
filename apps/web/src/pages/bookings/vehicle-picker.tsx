import { NativeSelect, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { limits } from "@rally/api/limits";
import { useState } from "react";

import { trpc } from "../../trpc.ts";

export interface VehicleOption {
  value: string;
  label: string;
}

const SEARCH_SIZE = 20;

/** Active vehicles of the customers matching a search, as select options. */
function useVehicleOptions(search: string, initial?: VehicleOption) {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const customers = trpc.customer.list.useQuery(
    { search: debounced, limit: SEARCH_SIZE },
    { enabled: debounced !== "" },
  );
  const found = (debounced === "" ? [] : (customers.data?.items ?? []))
    .flatMap((customer) =>
      customer.vehicles
        .filter((vehicle) => vehicle.status === "ACTIVE")
        .map((vehicle) => ({
          value: String(vehicle.id),
          label: `${customer.lastName}, ${customer.firstName} — ${vehicle.year} ${vehicle.make} ${vehicle.model}`,
        })),
    )
    .filter((option) => option.value !== initial?.value);

  return {
    isSearching: customers.isFetching,
    options: [...(initial ? [initial] : []), ...found],
  };
}

/**
 * Finds a customer by name, email, phone or VIN and picks one of their
 * vehicles. The select holds the field; the search box only feeds it.
 */
export function VehiclePicker(props: {
  initial?: VehicleOption | undefined;
  selectProps: GetInputPropsReturnType;
}) {
  const [search, setSearch] = useState("");
  const { options, isSearching } = useVehicleOptions(search, props.initial);
  const placeholder =
    search.trim() === "" && options.length === 0
      ? "Search for the customer first"
      : isSearching
        ? "Searching…"
        : options.length === 0
          ? "No active vehicle matches"
          : "Choose a vehicle…";

  return (
    <>
      <TextInput
        label="Find customer"
        description="Name, email, phone or VIN"
        type="search"
        maxLength={limits.search}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      <NativeSelect
        label="Vehicle"
        withAsterisk
        data={[{ value: "", label: placeholder }, ...options]}
        {...props.selectProps}
      />
    </>
  );
}
