import { NativeSelect, SimpleGrid } from "@mantine/core";
import type { RouterOutputs } from "@rally/client";

import { fieldLabel } from "./import-kinds.ts";

type Inspection = RouterOutputs["import"]["inspect"];

/** Field name → the header picked for it; "" reads nothing. */
export type Mapping = Record<string, string>;

/** For each field of the kind, the column of the file it is read from. */
export function MappingFields(props: {
  inspection: Inspection;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const { inspection, mapping } = props;
  const options = inspection.headers.map((header) => ({
    value: header,
    label: header,
  }));

  return (
    <fieldset aria-label="Column mapping" style={{ border: 0, padding: 0 }}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {inspection.fields.map((field) => (
          <NativeSelect
            key={field.name}
            label={fieldLabel(field.name)}
            withAsterisk={field.isRequired}
            error={
              field.isRequired && !mapping[field.name]
                ? "Pick the column this field is read from"
                : undefined
            }
            data={[{ value: "", label: "Not in this file" }, ...options]}
            value={mapping[field.name] ?? ""}
            onChange={(event) =>
              props.onChange({
                ...mapping,
                [field.name]: event.currentTarget.value,
              })
            }
          />
        ))}
      </SimpleGrid>
    </fieldset>
  );
}
