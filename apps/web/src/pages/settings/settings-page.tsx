import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";

import { QueryError } from "../../forms/query-error.tsx";
import { PageLoader } from "../../shell/page-loader.tsx";
import { trpc } from "../../trpc.ts";
import { SettingsForm } from "./settings-form.tsx";

export default function SettingsPage() {
  useDocumentTitle("Settings · Rally");
  const settings = trpc.settings.get.useQuery();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: Infinity });
  const [isJustSaved, setIsJustSaved] = useState(false);

  return (
    <Stack>
      <Title order={1}>Settings</Title>
      {settings.data && !settings.data.isSaved ? (
        <Text c="dimmed">
          Not saved yet: Rally runs with these defaults until an admin saves.
        </Text>
      ) : null}
      {settings.error ? <QueryError error={settings.error} /> : null}
      {settings.data && me.data ? (
        <SettingsForm
          // Any save, here or by another admin, shows what was saved; edits
          // not yet saved here are lost when another admin saves first.
          key={settings.data.updatedAt?.toISOString() ?? "unsaved"}
          settings={settings.data}
          canEdit={me.data.role === "ADMIN"}
          isJustSaved={isJustSaved}
          onSaved={setIsJustSaved}
        />
      ) : (
        <PageLoader />
      )}
    </Stack>
  );
}
