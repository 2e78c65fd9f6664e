import { Badge } from "@mantine/core";
import type { ConnectionState } from "@rally/client";

import { useConnectionState } from "../live/connection-state.ts";

const looks = {
  connecting: { color: "gray", label: "Connecting…" },
  live: { color: "green", label: "Live" },
  reconnecting: { color: "orange", label: "Reconnecting…" },
} as const satisfies Record<ConnectionState, { color: string; label: string }>;

/** Whether changes are arriving: live, or reconnecting after a drop. */
export function LiveIndicator() {
  const state = useConnectionState();
  const look = looks[state];

  return (
    <Badge
      role="status"
      aria-live="polite"
      data-state={state}
      variant="dot"
      color={look.color}
      size="lg"
    >
      {look.label}
    </Badge>
  );
}
