import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import {
  useForm,
  type FormErrors,
  type UseFormReturnType,
} from "@mantine/form";
import { limits } from "@rally/api/limits";
import { settingsLimits, shopSettingsInput } from "@rally/api/settings-schemas";
import type { RouterOutputs } from "@rally/client";

import { FormAlert } from "../../forms/form-alert.tsx";
import { schemaErrors } from "../../forms/form-errors.ts";
import { useRefusal } from "../../forms/use-refusal.ts";
import { WeekdayChips } from "../../forms/weekday-chips.tsx";
import { WholeNumberInput } from "../../forms/whole-number-input.tsx";
import { trpc } from "../../trpc.ts";
import { OpeningHoursFields } from "./opening-hours-fields.tsx";
import {
  formPath,
  toInput,
  valuesOf,
  type SettingsValues,
} from "./settings-values.ts";

type Settings = RouterOutputs["settings"]["get"];

/** Every zone the browser knows, and the saved one even if it does not. */
function zoneOptions(current: string) {
  const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  zones.add(current);

  return [...zones].sort();
}

/** The shop's settings: admins change them, everyone else reads them. */
export function SettingsForm(props: {
  settings: Settings;
  canEdit: boolean;
  isJustSaved: boolean;
  onSaved: (isSaved: boolean) => void;
}) {
  const { canEdit } = props;
  const form = useForm({
    initialValues: valuesOf(props.settings),
    validate: (values) =>
      schemaErrors(shopSettingsInput, toInput(values), formPath),
  });
  const refusal = useRefusal(form, formPath);
  const update = trpc.settings.update.useMutation({
    onSuccess: (saved) => {
      form.setValues(valuesOf(saved));
      form.resetDirty(valuesOf(saved));
      props.onSaved(true);
    },
    onError: refusal.show,
  });

  return (
    <form
      noValidate
      aria-label="Shop settings"
      onSubmit={form.onSubmit((submitted) => {
        refusal.clear();
        props.onSaved(false);
        update.mutate(shopSettingsInput.parse(toInput(submitted)));
      })}
    >
      <Stack>
        <ShopFields form={form} canEdit={canEdit} />
        <BookingFields form={form} canEdit={canEdit} />
        <SendingFields
          form={form}
          canEdit={canEdit}
          emailProvider={props.settings.emailProvider}
        />
        {canEdit ? (
          <>
            <FormAlert message={refusal.message} />
            <Group justify="flex-end">
              {props.isJustSaved ? (
                <Text size="sm" role="status">
                  Saved
                </Text>
              ) : null}
              <Button type="submit" loading={update.isPending}>
                Save settings
              </Button>
            </Group>
          </>
        ) : (
          <Text c="dimmed">Only an admin can change these settings.</Text>
        )}
      </Stack>
    </form>
  );
}

type Form = UseFormReturnType<
  SettingsValues,
  SettingsValues,
  (values: SettingsValues) => FormErrors
>;

/** What each provider means to the shop; the server names which it uses. */
const providerSummaries: Record<string, string> = {
  smtp: "SMTP: mail goes to customers through the server's mail host",
  simulated:
    "Simulated: no mail leaves the server; deliveries, bounces and failures are made up for trying Rally out",
};

function ProviderSummary({ name }: { name: string | null }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        Sends through
      </Text>
      <Text size="sm" data-testid="email-provider">
        {name === null
          ? "Nothing: this server sends no mail"
          : (providerSummaries[name] ?? name)}
      </Text>
      <Text size="xs" c="dimmed">
        Chosen where the server runs (RALLY_EMAIL_PROVIDER and the SMTP
        settings), not here
      </Text>
    </Stack>
  );
}

function SendingFields({
  form,
  canEdit,
  emailProvider,
}: {
  form: Form;
  canEdit: boolean;
  emailProvider: string | null;
}) {
  const values = form.getValues();

  return (
    <Fieldset legend="Email" disabled={!canEdit}>
      <Stack>
        <Group grow align="flex-start">
          <TextInput
            label="Sender name"
            withAsterisk
            maxLength={limits.name}
            {...form.getInputProps("senderName")}
          />
          <TextInput
            label="Sender email"
            type="email"
            withAsterisk
            maxLength={limits.email}
            {...form.getInputProps("senderEmail")}
          />
        </Group>
        <ProviderSummary name={emailProvider} />
        <WholeNumberInput
          label="Days between campaign emails to one customer"
          description="0 lets every campaign reach everyone"
          min={settingsLimits.frequencyCapDays.min}
          max={settingsLimits.frequencyCapDays.max}
          {...form.getInputProps("frequencyCapDays")}
        />
        <Checkbox
          label="Send campaign mail only within hours"
          {...form.getInputProps("hasSendWindow", { type: "checkbox" })}
        />
        {values.hasSendWindow ? <WindowFields form={form} /> : null}
      </Stack>
    </Fieldset>
  );
}

function WindowFields({ form }: { form: Form }) {
  return (
    <Stack gap="xs">
      <WeekdayChips label="Sending days" {...form.getInputProps("sendDays")} />
      <Group grow align="flex-start">
        <TextInput
          label="From"
          type="time"
          {...form.getInputProps("sendStart")}
        />
        <TextInput
          label="Until"
          type="time"
          {...form.getInputProps("sendEnd")}
        />
      </Group>
    </Stack>
  );
}

function ShopFields({ form, canEdit }: { form: Form; canEdit: boolean }) {
  return (
    <Fieldset legend="The shop" disabled={!canEdit}>
      <Stack>
        <TextInput
          label="Shop name"
          withAsterisk
          maxLength={limits.name}
          {...form.getInputProps("name")}
        />
        <NativeSelect
          label="Time zone"
          description="Schedules, opening hours and the send window use it"
          data={zoneOptions(form.getValues().timeZone)}
          {...form.getInputProps("timeZone")}
        />
        <Textarea
          label="Postal address"
          description="Printed at the foot of every campaign email"
          withAsterisk
          autosize
          maxLength={settingsLimits.postalAddress}
          {...form.getInputProps("postalAddress")}
        />
        <TextInput
          label="Phone"
          type="tel"
          maxLength={limits.phone}
          {...form.getInputProps("phone")}
        />
      </Stack>
    </Fieldset>
  );
}

function BookingFields({ form, canEdit }: { form: Form; canEdit: boolean }) {
  return (
    <Fieldset legend="Bookings" disabled={!canEdit}>
      <Stack>
        <OpeningHoursFields form={form} isReadOnly={!canEdit} />
        <WholeNumberInput
          label="Bays"
          description="Appointments at once"
          min={settingsLimits.bayCapacity.min}
          max={settingsLimits.bayCapacity.max}
          {...form.getInputProps("bayCapacity")}
        />
        <TextInput
          label="Booking page address"
          description="Where booking links in emails lead; blank for Rally's own page"
          type="url"
          maxLength={settingsLimits.url}
          {...form.getInputProps("bookingBaseUrl")}
        />
      </Stack>
    </Fieldset>
  );
}
