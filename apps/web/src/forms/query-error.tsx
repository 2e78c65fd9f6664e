import { Alert } from "@mantine/core";

/** A query the server refused or could not answer, in words. */
export function QueryError({ error }: { error: { message: string } }) {
  return (
    <Alert color="red" role="alert" title="Could not load">
      {error.message}
    </Alert>
  );
}
