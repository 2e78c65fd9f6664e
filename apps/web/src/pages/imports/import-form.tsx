import { Button, FileInput, Group, NativeSelect, Stack } from "@mantine/core";
import { limits } from "@rally/api/limits";
import { useState } from "react";

import { FormAlert } from "../../forms/form-alert.tsx";
import { trpc } from "../../trpc.ts";
import { kindLabels, type ImportKind } from "./import-kinds.ts";
import { MappingFields } from "./mapping-fields.tsx";
import { megabytes, useInspection } from "./use-inspection.ts";

type DateOrder = "MDY" | "DMY";

/** Rows in the file, counted by line ends: an estimate for the progress bar. */
function estimateRows(content: string) {
  const lines = content.split(/\r?\n/).filter((line) => line.trim() !== "");

  return Math.max(lines.length - 1, 1);
}

function FileFields(props: {
  file: ReturnType<typeof useInspection>;
  dateOrder: DateOrder;
  onDateOrder: (order: DateOrder) => void;
}) {
  const { file } = props;

  return (
    <Group grow align="flex-start">
      <NativeSelect
        label="What the file holds"
        data={Object.entries(kindLabels).map(([value, label]) => ({
          value,
          label,
        }))}
        value={file.kind}
        onChange={(event) =>
          file.chooseKind(event.currentTarget.value as ImportKind)
        }
      />
      <FileInput
        label="CSV file"
        description={`Up to ${megabytes} MB, exported from the shop system`}
        placeholder="Choose a file"
        accept=".csv,text/csv,text/plain"
        clearable
        clearButtonProps={{ "aria-label": "Clear the file" }}
        value={file.file}
        error={file.fileError}
        onChange={(picked) => void file.chooseFile(picked)}
      />
      <NativeSelect
        label="Dates like 03/04/2026 are"
        data={[
          { value: "MDY", label: "Month first (MM/DD/YYYY)" },
          { value: "DMY", label: "Day first (DD/MM/YYYY)" },
        ]}
        value={props.dateOrder}
        onChange={(event) =>
          props.onDateOrder(event.currentTarget.value as DateOrder)
        }
      />
    </Group>
  );
}

/** Picks a kind and a file, shows the guessed mapping, and starts a job. */
export function ImportForm(props: {
  onStarted: (jobId: number, estimatedRows: number) => void;
}) {
  const file = useInspection();
  const [dateOrder, setDateOrder] = useState<DateOrder>("MDY");
  const utils = trpc.useUtils();
  // The new job goes into the cache at once, so the progress events that
  // follow have a job to patch before its first fetch returns.
  const start = trpc.import.start.useMutation({
    onSuccess: (job) => utils.import.get.setData({ id: job.id }, job),
  });
  const { chosen, inspection, mapping } = file;
  const isReady =
    chosen !== null &&
    inspection !== undefined &&
    inspection.fields.every((f) => !f.isRequired || mapping[f.name]);
  const run = (isDryRun: boolean) =>
    chosen &&
    start.mutate(
      {
        kind: file.kind,
        fileName: chosen.name.slice(0, limits.fileName),
        content: chosen.content,
        mapping,
        dryRun: isDryRun,
        dateOrder,
      },
      {
        onSuccess: (job) =>
          props.onStarted(job.id, estimateRows(chosen.content)),
      },
    );

  return (
    <Stack>
      <FileFields
        file={file}
        dateOrder={dateOrder}
        onDateOrder={setDateOrder}
      />
      {inspection ? (
        <MappingFields
          inspection={inspection}
          mapping={mapping}
          onChange={file.setMapping}
        />
      ) : null}
      <FormAlert message={start.error?.message ?? null} />
      <Group>
        <Button
          variant="default"
          disabled={!isReady}
          loading={start.isPending && start.variables?.dryRun === true}
          onClick={() => run(true)}
        >
          Dry run
        </Button>
        <Button
          disabled={!isReady}
          loading={start.isPending && start.variables?.dryRun === false}
          onClick={() => run(false)}
        >
          Import
        </Button>
      </Group>
    </Stack>
  );
}
