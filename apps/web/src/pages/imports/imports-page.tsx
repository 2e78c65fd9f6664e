import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";

import { PageSection } from "../../shell/page-section.tsx";
import { useCanAct } from "../../shell/use-can-act.ts";
import { ImportForm } from "./import-form.tsx";
import { ImportList } from "./import-list.tsx";
import { ImportReport } from "./import-report.tsx";

interface Shown {
  jobId: number;
  estimatedRows?: number;
}

export default function ImportsPage() {
  useDocumentTitle("Import · Rally");
  const canAct = useCanAct();
  const [shown, setShown] = useState<Shown | null>(null);

  return (
    <Stack>
      <Title order={1}>Import</Title>
      <Text c="dimmed">
        Load customers, vehicles, service records or appointments from a CSV
        export of the shop system. Rows are matched by their external id, so
        importing a file again changes only what changed.
      </Text>
      {canAct ? (
        <PageSection id="import-file" title="Import a file">
          <ImportForm
            onStarted={(jobId, estimatedRows) =>
              setShown({ jobId, estimatedRows })
            }
          />
        </PageSection>
      ) : null}
      {shown ? (
        <PageSection id="import-report" title="Report">
          <ImportReport
            key={shown.jobId}
            jobId={shown.jobId}
            estimatedRows={shown.estimatedRows}
          />
        </PageSection>
      ) : null}
      <PageSection id="import-history" title="Past imports">
        <ImportList onOpen={(jobId) => setShown({ jobId })} />
      </PageSection>
    </Stack>
  );
}
