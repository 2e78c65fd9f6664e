import type { Database } from "@rally/db";

import { notFound } from "../../errors.ts";
import type { ShopProfile } from "../email/shop.ts";
import {
  dateOnly,
  sampleVariables,
  type TemplateVariables,
  type VehicleVariables,
} from "./variables.ts";

/**
 * The variables for a customer chosen in the editor, before any campaign:
 * their name, address and active vehicles with each one's last visit. No
 * rule is chosen, so there is no due date (0 days overdue) and the service
 * and links are the sample's; a customer without vehicles gets the sample
 * car.
 */
export async function customerVariables(
  deps: { db: Database; publicUrl: string },
  customerId: number,
  shop: ShopProfile,
): Promise<TemplateVariables> {
  const customer = await deps.db.prisma.customer.findUnique({
    where: { id: customerId },
    select: {
      firstName: true,
      lastName: true,
      email: true,
      vehicles: {
        where: { status: "ACTIVE" },
        orderBy: { id: "asc" },
        select: {
          make: true,
          model: true,
          year: true,
          vin: true,
          serviceRecords: {
            orderBy: { performedAt: "desc" },
            take: 1,
            select: { performedAt: true },
          },
        },
      },
    },
  });
  if (!customer) {
    throw notFound("customer", customerId, "customerId");
  }
  const sample = sampleVariables(shop, deps.publicUrl);
  const vehicles: VehicleVariables[] = customer.vehicles.map((vehicle) => ({
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    vin: vehicle.vin,
    lastServiceDate: dateOnly(vehicle.serviceRecords[0]?.performedAt ?? null),
    dueDate: null,
    daysOverdue: 0,
  }));
  const vehicle = vehicles[0] ?? sample.vehicle;

  return {
    ...sample,
    customer: {
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email ?? "",
    },
    vehicle,
    vehicles: vehicles.length > 0 ? vehicles : sample.vehicles,
    lastServiceDate: vehicle.lastServiceDate,
    daysOverdue: vehicle.daysOverdue,
  };
}
