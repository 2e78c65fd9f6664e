import type { ComponentType } from "react";

import { UnreadBadge } from "./shell/unread-badge.tsx";

export interface PageDefinition {
  /** A react-router path, such as "/customers/:customerId". */
  path: string;
  /** The page's entry in the navigation, in table order; omit for detail pages. */
  navLabel?: string;
  /** A count shown beside the navigation entry, kept live. */
  navBadge?: ComponentType;
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
    path: "/rules",
    navLabel: "Rules",
    load: () => import("./pages/rules/rules-page.tsx"),
  },
  {
    path: "/rules/:ruleId",
    load: () => import("./pages/rules/rule-page.tsx"),
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
    path: "/schedules",
    navLabel: "Schedules",
    load: () => import("./pages/schedules/schedules-page.tsx"),
  },
  {
    path: "/templates",
    navLabel: "Templates",
    load: () => import("./pages/templates/templates-page.tsx"),
  },
  {
    path: "/templates/:templateId",
    load: () => import("./pages/templates/template-page.tsx"),
  },
  {
    path: "/conversations",
    navLabel: "Conversations",
    navBadge: UnreadBadge,
    load: () => import("./pages/conversations/conversations-page.tsx"),
  },
  {
    path: "/conversations/:threadId",
    load: () => import("./pages/conversations/conversations-page.tsx"),
  },
  {
    path: "/bookings",
    navLabel: "Bookings",
    load: () => import("./pages/bookings/bookings-page.tsx"),
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
    path: "/imports",
    navLabel: "Import",
    load: () => import("./pages/imports/imports-page.tsx"),
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
    path: "/activity",
    navLabel: "Live activity",
    load: () => import("./pages/activity/activity-page.tsx"),
  },
  {
    path: "/settings",
    navLabel: "Settings",
    load: () => import("./pages/settings/settings-page.tsx"),
  },
  {
    path: "*",
    load: () => import("./pages/not-found-page.tsx"),
  },
];
