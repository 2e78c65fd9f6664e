import { Button, Group, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { serviceTypeCreateInput } from "@rally/api/schemas";

import { FormAlert } from "../../forms/form-alert.tsx";
import { optionalNumber, schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { WholeNumberInput } from "../../forms/whole-number-input.tsx";
import { trpc } from "../../trpc.ts";

interface ServiceTypeValues {
  name: string;
  key: string;
  defaultCadenceMonths: number | string;
}

const empty: ServiceTypeValues = {
  name: "",
  key: "",
  defaultCadenceMonths: 6,
};

function toInput(values: ServiceTypeValues) {
  return {
    ...values,
    defaultCadenceMonths: optionalNumber(values.defaultCadenceMonths),
  };
}

/** A new kind of service that rules and records can name. */
export function ServiceTypeForm() {
  const utils = trpc.useUtils();
  const form = useForm({
    initialValues: empty,
    validate: (values) => schemaErrors(serviceTypeCreateInput, toInput(values)),
  });
  const refusal = useRefusal(form);
  const create = trpc.serviceType.create.useMutation({
    onSuccess: async () => {
      form.reset();
      await utils.serviceType.list.invalidate();
    },
    onError: refusal.show,
  });

  return (
    <form
      noValidate
      aria-label="Add service type"
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        create.mutate(serviceTypeCreateInput.parse(toInput(values)));
      })}
    >
      <Group align="flex-start" grow>
        <TextInput
          label="Name"
          withAsterisk
          maxLength={limits.name}
          {...form.getInputProps("name")}
        />
        <TextInput
          label="Key"
          description="Lower-case letters, digits and dashes"
          withAsterisk
          maxLength={limits.serviceTypeKey}
          {...form.getInputProps("key")}
        />
        <WholeNumberInput
          label="Due every (months)"
          withAsterisk
          min={limits.cadenceMonths.min}
          max={limits.cadenceMonths.max}
          {...form.getInputProps("defaultCadenceMonths")}
        />
      </Group>
      <FormAlert message={refusal.message} />
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={create.isPending}>
          Add service type
        </Button>
      </Group>
    </form>
  );
}
