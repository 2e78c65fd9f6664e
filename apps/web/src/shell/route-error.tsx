import { Alert } from "@mantine/core";
import { useRouteError } from "react-router";

/** A page that failed to load or render, shown inside the shell. */
export function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);

  return (
    <Alert color="red" title="This page failed" role="alert">
      {message}
    </Alert>
  );
}
