import type { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import {
  attributeByReply,
  defaultAttributionWindowDays,
  type Attribution,
} from "./attribution.ts";
import { appointmentChanged, appointmentSelect } from "./select.ts";

export type AppointmentSource = "CONSOLE" | "EMAIL_LINK" | "REPLY";

export interface AppointmentCreateInput {
  vehicleId: number;
  serviceTypeId?: number | null | undefined;
  scheduledFor: Date;
  notes?: string | null | undefined;
  source: AppointmentSource;
}

export async function createAppointment(
  services: Services,
  input: AppointmentCreateInput,
) {
  return services.db.prisma.$transaction((tx) =>
    insertAppointment(tx, services, input, null),
  );
}

/**
 * Writes a SCHEDULED appointment, credited to the campaign whose link was
 * used or, failing that, to one whose thread the owner replied in lately.
 */
export async function insertAppointment(
  tx: Prisma.TransactionClient,
  services: Pick<Services, "clock" | "attributionWindowDays">,
  input: AppointmentCreateInput,
  viaLink: Attribution | null,
) {
  await assertReferencesExist(tx, input);
  const now = services.clock.now();
  const credit =
    viaLink ??
    (await attributeByReply(tx, {
      vehicleId: input.vehicleId,
      now,
      windowDays:
        services.attributionWindowDays ?? defaultAttributionWindowDays,
    }));
  const appointment = await tx.appointment.create({
    data: {
      vehicleId: input.vehicleId,
      serviceTypeId: input.serviceTypeId ?? null,
      scheduledFor: input.scheduledFor,
      notes: input.notes ?? null,
      source: input.source,
      campaignId: credit?.campaignId ?? null,
      emailId: credit?.emailId ?? null,
      createdAt: now,
    },
    select: appointmentSelect,
  });
  await recordEvents(tx, [appointmentChanged(appointment)]);

  return appointment;
}

async function assertReferencesExist(
  tx: Prisma.TransactionClient,
  input: AppointmentCreateInput,
) {
  const vehicle = await tx.vehicle.findUnique({
    where: { id: input.vehicleId },
    select: { status: true },
  });
  if (!vehicle) {
    throw notFound("vehicle", input.vehicleId, "vehicleId");
  }
  if (vehicle.status !== "ACTIVE") {
    throw new DomainError(
      "INVALID_STATE",
      `vehicle ${input.vehicleId} is ${vehicle.status}; only an active vehicle can be booked`,
      "vehicleId",
    );
  }
  if (input.serviceTypeId) {
    const count = await tx.serviceType.count({
      where: { id: input.serviceTypeId },
    });
    if (count === 0) {
      throw notFound("service type", input.serviceTypeId, "serviceTypeId");
    }
  }
}
