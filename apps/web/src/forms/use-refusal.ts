import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";

import { serverErrors, type PathMap } from "./form-errors.ts";

/**
 * Shows a server refusal on a form: each field error next to its field,
 * and the rest in one message above the buttons.
 */
export function useRefusal<Values>(
  form: UseFormReturnType<Values>,
  formPath?: PathMap,
) {
  const [message, setMessage] = useState<string | null>(null);

  return {
    message,
    clear: () => setMessage(null),
    show(error: unknown) {
      const refusal = serverErrors(error, form.getValues(), formPath);
      form.setErrors(refusal.fields);
      setMessage(refusal.message);
    },
  };
}
