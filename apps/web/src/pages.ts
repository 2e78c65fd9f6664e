import type { ComponentType } from "react";

export interface PageDefinition {
  /** A react-router path, such as "/customers/:customerId". */
  path: string;
  /** The page's entry in the navigation, in table order; omit for detail pages. */
  navLabel?: string;
  /** Pages load on first visit, so the console starts small. */
  load: () => Promise<{ default: ComponentType }>;
}

/**
 * Every page of the console. A new page is a file under pages/ and a line
 * here; the navigation and the router are built from this table.
 */
export const pages: PageDefinition[] = [
  {
    path: "/",
    navLabel: "Dashboard",
    load: () => import("./pages/dashboard/dashboard-page.tsx"),
  },
  {
    path: "/activity",
    navLabel: "Live activity",
    load: () => import("./pages/activity/activity-page.tsx"),
  },
  {
    path: "/campaigns",
    navLabel: "Campaigns",
    load: () => import("./pages/campaigns/campaigns-page.tsx"),
  },
  {
    path: "/campaigns/:campaignId",
    load: () => import("./pages/campaigns/campaign-page.tsx"),
  },
  {
    path: "/customers",
    navLabel: "Customers",
    load: () => import("./pages/customers/customers-page.tsx"),
  },
  {
    path: "/customers/:customerId",
    load: () => import("./pages/customers/customer-page.tsx"),
  },
  {
    path: "/vehicles/:vehicleId",
    load: () => import("./pages/vehicles/vehicle-page.tsx"),
  },
  {
    path: "/service-types",
    navLabel: "Service types",
    load: () => import("./pages/service-types/service-types-page.tsx"),
  },
  {
    path: "*",
    load: () => import("./pages/not-found-page.tsx"),
  },
];
