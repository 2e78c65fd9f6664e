/**
 * The variables every template may use, documented for staff:
 *
 * - customer: { firstName, lastName, email }
 * - vehicle: the first due vehicle { make, model, year, vin }
 * - vehicles: every due vehicle of the customer, each { make, model, year,
 *   vin, lastServiceDate, dueDate, daysOverdue }
 * - service: { name } of the rule's service type
 * - lastServiceDate, daysOverdue: of the first due vehicle
 * - shop: { name, phone, postalAddress }
 * - bookingLink, unsubscribeLink
 */
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
