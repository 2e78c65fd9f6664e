import { createBrowserRouter, type RouteObject } from "react-router";

import { pages, type PageDefinition } from "./pages.ts";
import { ConsoleShell } from "./shell/console-shell.tsx";
import { PageLoader } from "./shell/page-loader.tsx";
import { RouteError } from "./shell/route-error.tsx";

function toRoute(page: PageDefinition): RouteObject {
  return {
    path: page.path,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await page.load()).default }),
  };
}

export function createConsoleRouter() {
  return createBrowserRouter([
    {
      Component: ConsoleShell,
      HydrateFallback: PageLoader,
      ErrorBoundary: RouteError,
      children: pages.map(toRoute),
    },
  ]);
}
