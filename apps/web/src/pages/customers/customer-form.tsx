import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { limits } from "@rally/api/limits";
import { customerCreateInput } from "@rally/api/schemas";
import type { RouterOutputs } from "@rally/client";

import { FormAlert } from "../../forms/form-alert.tsx";
import { optionalText, schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { trpc } from "../../trpc.ts";

type Customer = RouterOutputs["customer"]["create"];

const empty = { firstName: "", lastName: "", email: "", phone: "" };

function toInput(values: typeof empty) {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: optionalText(values.email),
    phone: optionalText(values.phone),
  };
}

/** A walk-in customer, checked with the schema the server uses. */
export function CustomerForm(props: {
  onCreated: (customer: Customer) => void;
}) {
  const utils = trpc.useUtils();
  const form = useForm({
    initialValues: empty,
    validate: (values) => schemaErrors(customerCreateInput, toInput(values)),
  });
  const refusal = useRefusal(form);
  const create = trpc.customer.create.useMutation({
    onSuccess: async (customer) => {
      await utils.customer.list.invalidate();
      props.onCreated(customer);
    },
    onError: refusal.show,
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        refusal.clear();
        create.mutate(customerCreateInput.parse(toInput(values)));
      })}
    >
      <Stack>
        <Group grow align="flex-start">
          <TextInput
            label="First name"
            withAsterisk
            maxLength={limits.name}
            data-autofocus
            {...form.getInputProps("firstName")}
          />
          <TextInput
            label="Last name"
            withAsterisk
            maxLength={limits.name}
            {...form.getInputProps("lastName")}
          />
        </Group>
        <TextInput
          label="Email"
          type="email"
          maxLength={limits.email}
          {...form.getInputProps("email")}
        />
        <TextInput
          label="Phone"
          type="tel"
          maxLength={limits.phone}
          {...form.getInputProps("phone")}
        />
        <FormAlert message={refusal.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create customer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
