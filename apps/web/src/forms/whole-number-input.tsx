import { NumberInput, type NumberInputProps } from "@mantine/core";

/** A number field that takes whole numbers only: a decimal point cannot be typed. */
export function WholeNumberInput(
  props: Omit<NumberInputProps, "allowDecimal">,
) {
  return <NumberInput {...props} allowDecimal={false} />;
}
