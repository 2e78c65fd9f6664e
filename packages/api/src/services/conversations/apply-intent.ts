import type { Services } from "../../context.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import { recordVehicleChange } from "../vehicles.ts";

export interface ApplyIntentInput {
  emailId: number;
  intent: "sold";
  vehicleId?: number | undefined;
}

/**
 * Applies the action a reply offered. "sold" retires the vehicle the
 * thread is about (or the one staff name), so no rule picks it again.
 */
export async function applyIntent(services: Services, input: ApplyIntentInput) {
  const email = await services.db.prisma.email.findUnique({
    where: { id: input.emailId },
    select: { id: true, threadId: true, vehicleId: true, customerId: true },
  });
  if (!email) {
    throw notFound("email", input.emailId, "emailId");
  }
  const vehicleId = input.vehicleId ?? email.vehicleId;
  if (!vehicleId) {
    throw new DomainError(
      "INVALID_INPUT",
      `email ${email.id} is about no particular vehicle; say which one was sold`,
      "vehicleId",
    );
  }

  return services.db.prisma.$transaction(async (tx) => {
    const result = await tx.vehicle.updateManyAndReturn({
      where: { id: vehicleId, customerId: email.customerId ?? undefined },
      data: { status: "SOLD" },
      select: { id: true, status: true, customerId: true },
    });
    const vehicle = result[0];
    if (!vehicle) {
      throw notFound("vehicle", vehicleId, "vehicleId");
    }
    await recordVehicleChange(tx, vehicle, null, "updated");
    await recordEvents(tx, [
      {
        type: "conversation.message",
        threadId: email.threadId,
        payload: {
          threadId: email.threadId,
          emailId: email.id,
          direction: "INBOUND",
          applied: "sold",
        },
      },
    ]);

    return { id: vehicle.id, status: vehicle.status };
  });
}
