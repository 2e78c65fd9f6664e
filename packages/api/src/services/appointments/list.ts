import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { localDate } from "../bookings/local-time.ts";
import { loadShopSettings } from "../bookings/shop.ts";
import { appointmentSelect } from "./select.ts";

export interface AppointmentListInput {
  from?: Date | undefined;
  to?: Date | undefined;
  status?: "SCHEDULED" | "COMPLETED" | "CANCELLED" | "NO_SHOW" | undefined;
  vehicleId?: number | undefined;
  cursor?: number | undefined;
  limit: number;
}

/**
 * Appointments from `from` (default now) in time order, each with its
 * local day in the shop's time zone so the console can group by day.
 */
export async function listAppointments(
  services: Services,
  input: AppointmentListInput,
) {
  const shop = await loadShopSettings(services.db);
  const where: Prisma.AppointmentWhereInput = {
    scheduledFor: { gte: input.from ?? services.clock.now(), lt: input.to },
    status: input.status ?? "SCHEDULED",
    vehicleId: input.vehicleId,
  };
  const rows = await services.db.prisma.appointment.findMany({
    where,
    select: appointmentSelect,
    orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map((row) => ({
    ...row,
    day: localDate(row.scheduledFor, shop.timeZone),
  }));

  return {
    items,
    timeZone: shop.timeZone,
    nextCursor: hasMore ? items.at(-1)?.id : undefined,
  };
}
