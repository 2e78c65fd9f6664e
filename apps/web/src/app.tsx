import {
  createTheme,
  MantineProvider,
  type CSSVariablesResolver,
} from "@mantine/core";
import { createRallyLinks } from "@rally/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { RouterProvider } from "react-router";

import { connectionState } from "./live/connection-state.ts";
import { LiveEvents } from "./live/live-events.tsx";
import { createConsoleRouter } from "./router.tsx";
import { SignInGate } from "./shell/sign-in-gate.tsx";
import { trpc } from "./trpc.ts";

const theme = createTheme({
  primaryColor: "indigo",
  // Mantine's default shade 6 is below WCAG AA contrast for small text.
  primaryShade: 8,
  defaultRadius: "md",
});

/** Secondary text and errors dark enough to read (WCAG AA). */
const readableColors: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-8)",
  },
  dark: {},
});

/** Retrying cannot fix a request the server refused as wrong or missing. */
function shouldRetry(failureCount: number, error: unknown) {
  const status =
    error instanceof TRPCClientError
      ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
      : undefined;
  const isClientError = status !== undefined && status < 500;

  return !isClientError && failureCount < 2;
}

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Live events invalidate what changed, so data may be kept a while
      // without going out of date.
      queries: { staleTime: 60_000, retry: shouldRetry },
    },
  });
}

function createTrpcClient() {
  const { links } = createRallyLinks({
    url: window.location.origin,
    onConnectionState: connectionState.set,
  });

  return trpc.createClient({ links });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createTrpcClient);
  const [router] = useState(createConsoleRouter);

  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={readableColors}
          defaultColorScheme="light"
        >
          <SignInGate>
            <LiveEvents>
              <RouterProvider router={router} />
            </LiveEvents>
          </SignInGate>
        </MantineProvider>
      </QueryClientProvider>
    </trpc.Provider>
  );
}
