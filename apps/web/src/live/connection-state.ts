import type { ConnectionState } from "@rally/client";

import { createStore, useStore } from "./store.ts";

/** Whether the subscription socket is live, as the client reports it. */
export const connectionState = createStore<ConnectionState>("connecting");

export function useConnectionState() {
  return useStore(connectionState);
}
