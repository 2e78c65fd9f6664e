import { Alert } from "@mantine/core";

/** A refusal that belongs to no field of the form. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) {
    return null;
  }

  return (
    <Alert color="red" role="alert" title="Not saved">
      {message}
    </Alert>
  );
}
