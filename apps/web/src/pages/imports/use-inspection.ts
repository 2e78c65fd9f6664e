import { limits } from "@rally/api/limits";
import type { RouterOutputs } from "@rally/client";
import { useState } from "react";

import { trpc } from "../../trpc.ts";
import type { ImportKind } from "./import-kinds.ts";
import type { Mapping } from "./mapping-fields.tsx";

type Inspection = RouterOutputs["import"]["inspect"];

export const megabytes = limits.importBytes / 1_000_000;

/** The file, read in the browser; the server is sent only its start first. */
export interface ChosenFile {
  name: string;
  content: string;
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

/** The chosen kind and file, and the server's guesses for its columns. */
export function useInspection() {
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const inspect = trpc.import.inspect.useMutation();

  function look(nextKind: ImportKind, next: ChosenFile | null) {
    setFileError(null);
    inspect.reset();
    if (next) {
      // Callbacks given here run for the latest call only, so an answer
      // for a kind or file no longer chosen never sets the mapping.
      inspect.mutate(
        {
          kind: nextKind,
          content: next.content.slice(0, limits.importHeadBytes),
        },
        {
          onSuccess: (inspection) => setMapping(mappingOf(inspection)),
          onError: (error) => setFileError(error.message),
        },
      );
    }
  }

  return {
    kind,
    file,
    chosen,
    fileError,
    mapping,
    setMapping,
    inspection: inspect.data,
    chooseKind(next: ImportKind) {
      setKind(next);
      look(next, chosen);
    },
    async chooseFile(picked: File | null) {
      setFile(picked);
      setChosen(null);
      try {
        const next = picked ? await readFile(picked) : null;
        setChosen(next);
        look(kind, next);
      } catch (error) {
        setFileError((error as Error).message);
      }
    },
  };
}
