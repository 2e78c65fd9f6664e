/**
 * The variables every template may use, documented for staff; the
 * console's editor lists them beside the template.
 */
export const templateVariables = [
  { name: "customer.firstName", description: "The customer's first name" },
  { name: "customer.lastName", description: "The customer's last name" },
  { name: "customer.email", description: "The address the email goes to" },
  { name: "vehicle.make", description: "Make of the first due vehicle" },
  { name: "vehicle.model", description: "Model of the first due vehicle" },
  { name: "vehicle.year", description: "Model year of the first due vehicle" },
  {
    name: "vehicle.vin",
    description: "VIN of the first due vehicle, if known",
  },
  {
    name: "vehicles",
    description:
      "Every due vehicle of the customer, each with make, model, year, " +
      "vin, lastServiceDate, dueDate and daysOverdue",
  },
  { name: "service.name", description: "The rule's service type" },
  {
    name: "lastServiceDate",
    description: "Last service of the first due vehicle (YYYY-MM-DD)",
  },
  { name: "daysOverdue", description: "Days the first due vehicle is overdue" },
  { name: "shop.name", description: "The shop's name" },
  { name: "shop.phone", description: "The shop's phone number" },
  {
    name: "shop.postalAddress",
    description: "The shop's postal address; marketing emails must show it",
  },
  { name: "bookingLink", description: "Link to book a visit online" },
  {
    name: "unsubscribeLink",
    description: "One-click unsubscribe; marketing emails must carry it",
  },
] as const satisfies readonly { name: string; description: string }[];

export interface VehicleVariables {
  make: string;
  model: string;
  year: number;
  vin: string | null;
  lastServiceDate: string | null;
  dueDate: string | null;
  daysOverdue: number;
}

export interface TemplateVariables {
  customer: { firstName: string; lastName: string; email: string };
  vehicle: VehicleVariables;
  vehicles: VehicleVariables[];
  service: { name: string };
  lastServiceDate: string | null;
  daysOverdue: number;
  shop: { name: string; phone: string | null; postalAddress: string };
  bookingLink: string;
  unsubscribeLink: string;
  [key: string]: unknown;
}

export interface ShopVariables {
  name: string;
  phone: string | null;
  postalAddress: string;
}

/** The stand-in recipient previews and validation render with. */
export function sampleVariables(
  shop: ShopVariables,
  publicUrl: string,
): TemplateVariables {
  const vehicle: VehicleVariables = {
    make: "Toyota",
    model: "Corolla",
    year: 2018,
    vin: "2T1BURHE5JC000000",
    lastServiceDate: "2025-11-02",
    dueDate: "2026-05-02",
    daysOverdue: 44,
  };

  return {
    customer: {
      firstName: "Ana",
      lastName: "Ruiz",
      email: "ana.ruiz@example.com",
    },
    vehicle,
    vehicles: [vehicle],
    service: { name: "Oil change" },
    lastServiceDate: vehicle.lastServiceDate,
    daysOverdue: vehicle.daysOverdue,
    shop,
    bookingLink: `${publicUrl}/book/sample`,
    unsubscribeLink: `${publicUrl}/unsubscribe/sample`,
  };
}

/** A calendar date as customers read it in mail: YYYY-MM-DD. */
export function dateOnly(value: Date | null) {
  return value ? value.toISOString().slice(0, 10) : null;
}
