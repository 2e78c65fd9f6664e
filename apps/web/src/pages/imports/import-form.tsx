import { Button, FileInput, Group, NativeSelect, Stack } from "@mantine/core";
import { limits } from "@rally/api/limits";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";

import { FormAlert } from "../../forms/form-alert.tsx";
import { trpc } from "../../trpc.ts";
import { kindLabels, type ImportKind } from "./import-kinds.ts";
import { MappingFields, type Mapping } from "./mapping-fields.tsx";

type Inspection = RouterOutputs["import"]["inspect"];

const megabytes = limits.importBytes / 1_000_000;

/** The file, read in the browser; the server is sent only its start first. */
interface ChosenFile {
  name: string;
  content: string;
}

/** Rows in the file, counted by line ends: an estimate for the progress bar. */
function estimateRows(content: string) {
  const lines = content.split(/\r?\n/).filter((line) => line.trim() !== "");

  return Math.max(lines.length - 1, 1);
}

function mappingOf(inspection: Inspection): Mapping {
  return Object.fromEntries(
    inspection.fields.map((field) => [
      field.name,
      inspection.mapping[field.name] ?? "",
    ]),
  );
}

async function readFile(file: File) {
  if (file.size > limits.importBytes) {
    throw new Error(
      `${file.name} is larger than ${megabytes} MB; import it with the command-line tool`,
    );
  }

  return { name: file.name, content: await file.text() };
}

/** Picks a kind and a file, shows the guessed mapping, and starts a job. */
export function ImportForm(props: {
  onStarted: (jobId: number, estimatedRows: number) => void;
}) {
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [dateOrder, setDateOrder] = useState<"MDY" | "DMY">("MDY");
  const inspect = trpc.import.inspect.useMutation({
    onSuccess: (inspection) => setMapping(mappingOf(inspection)),
    onError: (error) => setFileError(error.message),
  });
  const utils = trpc.useUtils();
  // The new job goes into the cache at once, so the progress events that
  // follow have a job to patch before its first fetch returns.
  const start = trpc.import.start.useMutation({
    onSuccess: (job) => utils.import.get.setData({ id: job.id }, job),
  });

  function look(nextKind: ImportKind, next: ChosenFile | null) {
    setFileError(null);
    inspect.reset();
    if (next) {
      inspect.mutate({
        kind: nextKind,
        content: next.content.slice(0, limits.importHeadBytes),
      });
    }
  }

  async function choose(picked: File | null) {
    setFile(picked);
    setChosen(null);
    try {
      const next = picked ? await readFile(picked) : null;
      setChosen(next);
      look(kind, next);
    } catch (error) {
      setFileError((error as Error).message);
    }
  }

  function run(isDryRun: boolean) {
    if (!chosen) {
      return;
    }
    start.mutate(
      {
        kind,
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
  }

  const inspection = inspect.data;
  const isReady =
    chosen !== null &&
    inspection !== undefined &&
    inspection.fields.every(
      (field) => !field.isRequired || mapping[field.name],
    );

  return (
    <Stack>
      <Group grow align="flex-start">
        <NativeSelect
          label="What the file holds"
          data={Object.entries(kindLabels).map(([value, label]) => ({
            value,
            label,
          }))}
          value={kind}
          onChange={(event) => {
            const next = event.currentTarget.value as ImportKind;
            setKind(next);
            look(next, chosen);
          }}
        />
        <FileInput
          label="CSV file"
          description={`Up to ${megabytes} MB, exported from the shop system`}
          placeholder="Choose a file"
          accept=".csv,text/csv,text/plain"
          clearable
          clearButtonProps={{ "aria-label": "Clear the file" }}
          value={file}
          error={fileError}
          onChange={(picked) => void choose(picked)}
        />
        <NativeSelect
          label="Dates like 03/04/2026 are"
          data={[
            { value: "MDY", label: "Month first (MM/DD/YYYY)" },
            { value: "DMY", label: "Day first (DD/MM/YYYY)" },
          ]}
          value={dateOrder}
          onChange={(event) =>
            setDateOrder(event.currentTarget.value as "MDY" | "DMY")
          }
        />
      </Group>
      {inspection ? (
        <MappingFields
          inspection={inspection}
          mapping={mapping}
          onChange={setMapping}
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
