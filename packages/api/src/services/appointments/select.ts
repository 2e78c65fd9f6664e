import type { Prisma } from "@rally/db";

import { serviceTypeSelect } from "../service-types.ts";

export const appointmentSelect = {
  id: true,
  vehicleId: true,
  scheduledFor: true,
  status: true,
  source: true,
  notes: true,
  campaignId: true,
  emailId: true,
  createdAt: true,
  serviceType: { select: serviceTypeSelect },
  vehicle: {
    select: {
      id: true,
      make: true,
      model: true,
      year: true,
      customer: { select: { id: true, firstName: true, lastName: true } },
    },
  },
} as const satisfies Prisma.AppointmentSelect;

export type AppointmentRow = Prisma.AppointmentGetPayload<{
  select: typeof appointmentSelect;
}>;

export function appointmentChanged(appointment: {
  id: number;
  vehicleId: number;
  status: string;
  campaignId: number | null;
}) {
  return {
    type: "appointment.changed" as const,
    campaignId: appointment.campaignId,
    payload: {
      appointmentId: appointment.id,
      vehicleId: appointment.vehicleId,
      status: appointment.status,
      campaignId: appointment.campaignId,
    },
  };
}
