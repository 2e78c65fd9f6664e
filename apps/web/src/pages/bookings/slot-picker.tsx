import { NativeSelect } from "@mantine/core";

import { trpc } from "../../trpc.ts";
import { shopDateTime, toShopInput } from "./shop-time.ts";

/**
 * The shop's free slots (a bay open over the booking horizon); picking
 * one fills in the time, which staff may still set by hand instead.
 */
export function SlotPicker(props: {
  timeZone: string;
  /** The time field's value, shown here when it is one of the slots. */
  value: string;
  onPick: (value: string) => void;
}) {
  const open = trpc.appointment.slots.useQuery({});
  const options = (open.data?.slots ?? []).map((slot) => ({
    value: toShopInput(slot, props.timeZone),
    label: shopDateTime(slot, props.timeZone),
  }));
  const placeholder = open.isPending
    ? "Loading free slots…"
    : options.length === 0
      ? "No free slot in the booking horizon"
      : "Pick a free slot…";

  return (
    <NativeSelect
      label="Free slot"
      value={
        options.some((option) => option.value === props.value)
          ? props.value
          : ""
      }
      data={[{ value: "", label: placeholder }, ...options]}
      onChange={(event) => props.onPick(event.currentTarget.value)}
    />
  );
}
