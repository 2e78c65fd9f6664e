import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import { appointmentChanged, appointmentSelect } from "./select.ts";

type Status = "SCHEDULED" | "COMPLETED" | "CANCELLED" | "NO_SHOW";

/** Only a scheduled appointment moves on; the others are final. */
const allowed: Record<Status, readonly Status[]> = {
  SCHEDULED: ["COMPLETED", "CANCELLED", "NO_SHOW"],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

const verbs: Record<Status, string> = {
  SCHEDULED: "changed",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
  NO_SHOW: "marked as a no-show",
};

/** Locks the row and checks it may move to `next`. */
async function lockForChange(
  tx: Prisma.TransactionClient,
  id: number,
  next: Status,
) {
  const rows = await tx.$queryRaw<
    { status: Status; vehicleId: number; serviceTypeId: number | null }[]
  >`SELECT status::text AS status, vehicle_id AS "vehicleId",
      service_type_id AS "serviceTypeId"
    FROM appointments WHERE id = ${id} FOR UPDATE`;
  const current = rows[0];
  if (!current) {
    throw notFound("appointment", id, "id");
  }
  const isAllowed =
    next === "SCHEDULED"
      ? current.status === "SCHEDULED"
      : allowed[current.status].includes(next);
  if (!isAllowed) {
    throw new DomainError(
      "INVALID_STATE",
      `appointment ${id} is ${current.status}; only a SCHEDULED appointment can be ${verbs[next]}`,
      "id",
    );
  }

  return current;
}

export interface AppointmentUpdateInput {
  id: number;
  scheduledFor?: Date | undefined;
  serviceTypeId?: number | null | undefined;
  notes?: string | null | undefined;
}

export async function updateAppointment(
  services: Services,
  { id, ...changes }: AppointmentUpdateInput,
) {
  return services.db.prisma.$transaction(async (tx) => {
    await lockForChange(tx, id, "SCHEDULED");
    if (changes.serviceTypeId) {
      const count = await tx.serviceType.count({
        where: { id: changes.serviceTypeId },
      });
      if (count === 0) {
        throw notFound("service type", changes.serviceTypeId, "serviceTypeId");
      }
    }
    const appointment = await tx.appointment.update({
      where: { id },
      data: changes,
      select: appointmentSelect,
    });
    await recordEvents(tx, [appointmentChanged(appointment)]);

    return appointment;
  });
}

export async function cancelAppointment(services: Services, id: number) {
  return moveTo(services, id, "CANCELLED");
}

export async function markNoShow(services: Services, id: number) {
  return moveTo(services, id, "NO_SHOW");
}

async function moveTo(services: Services, id: number, status: Status) {
  return services.db.prisma.$transaction(async (tx) => {
    await lockForChange(tx, id, status);
    const appointment = await tx.appointment.update({
      where: { id },
      data: { status },
      select: appointmentSelect,
    });
    await recordEvents(tx, [appointmentChanged(appointment)]);

    return appointment;
  });
}

export interface AppointmentCompleteInput {
  id: number;
  serviceTypeId?: number | undefined;
  performedAt?: Date | undefined;
  odometer?: number | null | undefined;
  notes?: string | null | undefined;
}

/**
 * Completes the visit and records the service performed, which is what
 * moves the vehicle's next due date for that service.
 */
export async function completeAppointment(
  services: Services,
  input: AppointmentCompleteInput,
) {
  return services.db.prisma.$transaction(async (tx) => {
    const current = await lockForChange(tx, input.id, "COMPLETED");
    const serviceTypeId = input.serviceTypeId ?? current.serviceTypeId;
    if (!serviceTypeId) {
      throw new DomainError(
        "INVALID_INPUT",
        `appointment ${input.id} has no service type; say which service was performed`,
        "serviceTypeId",
      );
    }
    const count = await tx.serviceType.count({ where: { id: serviceTypeId } });
    if (count === 0) {
      throw notFound("service type", serviceTypeId, "serviceTypeId");
    }
    const record = await tx.serviceRecord.create({
      data: {
        vehicleId: current.vehicleId,
        serviceTypeId,
        performedAt: input.performedAt ?? services.clock.now(),
        odometer: input.odometer ?? null,
        notes: input.notes ?? null,
      },
      select: { id: true, vehicleId: true, performedAt: true },
    });
    const appointment = await tx.appointment.update({
      where: { id: input.id },
      data: { status: "COMPLETED", serviceTypeId },
      select: appointmentSelect,
    });
    await recordEvents(tx, [
      appointmentChanged(appointment),
      {
        type: "serviceRecord.created",
        payload: { id: record.id, vehicleId: record.vehicleId },
      },
    ]);

    return { appointment, serviceRecord: record };
  });
}
