import { limits } from "../../limits.ts";
import type { DateParser } from "./dates.ts";
import {
  date,
  email,
  oneOf,
  service,
  text,
  vin,
  wholeNumber,
} from "./values.ts";

export const importKinds = [
  "customers",
  "vehicles",
  "serviceRecords",
  "appointments",
] as const;

export type ImportKind = (typeof importKinds)[number];

/** A value that cannot be imported; the row is reported and skipped. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

export interface FieldContext {
  parseDate: DateParser;
  /** The service type id for a service name, or undefined. */
  serviceTypeFor: (name: string) => number | undefined;
  serviceTypeNames: string;
}

export interface FieldSpec {
  name: string;
  /** Header names (lower-case letters and digits only) that mean this field. */
  aliases: string[];
  isRequired: boolean;
  parse: (value: string, ctx: FieldContext) => unknown;
}

const field = (
  name: string,
  aliases: string[],
  parse: FieldSpec["parse"],
  isRequired = false,
): FieldSpec => ({ name, aliases, parse, isRequired });

const externalId = (aliases: string[]) =>
  field(
    "externalId",
    [...aliases, "externalid", "id"],
    text(limits.externalId),
    true,
  );

const vehicleRef = field(
  "vehicleExternalId",
  [
    "vehicleid",
    "vehid",
    "vehicleno",
    "vehiclenumber",
    "vehicle",
    "unitid",
    "unit",
  ],
  text(limits.externalId),
  true,
);

const notes = field(
  "notes",
  ["notes", "note", "comments", "comment", "remarks"],
  text(limits.notes),
);

export const fieldsByKind: Record<ImportKind, FieldSpec[]> = {
  customers: [
    externalId([
      "customerid",
      "custid",
      "customerno",
      "customernumber",
      "custno",
      "accountid",
      "accountno",
      "accountnumber",
      "clientid",
      "customer",
    ]),
    field(
      "firstName",
      ["firstname", "first", "fname", "givenname"],
      text(limits.name),
      true,
    ),
    field(
      "lastName",
      ["lastname", "last", "lname", "surname", "familyname"],
      text(limits.name),
      true,
    ),
    field("email", ["email", "emailaddress", "mail"], email),
    field(
      "phone",
      [
        "phone",
        "phonenumber",
        "mobile",
        "cell",
        "cellphone",
        "telephone",
        "tel",
        "homephone",
      ],
      text(limits.phone),
    ),
  ],
  vehicles: [
    externalId(["vehicleid", "vehid", "vehicleno", "vehiclenumber", "unitid"]),
    field(
      "customerExternalId",
      [
        "customerid",
        "custid",
        "customerno",
        "customernumber",
        "custno",
        "ownerid",
        "accountid",
        "accountno",
        "clientid",
        "customer",
        "owner",
      ],
      text(limits.externalId),
      true,
    ),
    field(
      "vin",
      ["vin", "vinnumber", "vehicleidentificationnumber", "serialnumber"],
      vin,
    ),
    field("make", ["make", "manufacturer", "brand"], text(limits.name), true),
    field("model", ["model"], text(limits.name), true),
    field(
      "year",
      ["year", "modelyear", "yr", "my"],
      wholeNumber(limits.year.min, limits.year.max),
      true,
    ),
    field(
      "status",
      ["status", "vehiclestatus", "state"],
      oneOf({ active: "ACTIVE", sold: "SOLD", inactive: "INACTIVE" }),
    ),
  ],
  serviceRecords: [
    externalId([
      "recordid",
      "serviceid",
      "servicerecordid",
      "lineid",
      "ronumber",
      "rono",
      "ro",
      "repairorder",
      "repairorderno",
      "invoiceno",
      "invoicenumber",
      "invoice",
      "workorder",
    ]),
    vehicleRef,
    field(
      "service",
      [
        "service",
        "servicename",
        "servicetype",
        "description",
        "operation",
        "opcode",
        "job",
        "labor",
      ],
      service,
      true,
    ),
    field(
      "performedAt",
      [
        "performedat",
        "performedon",
        "servicedate",
        "date",
        "completed",
        "completeddate",
        "closedate",
        "invoicedate",
        "rodate",
      ],
      date,
      true,
    ),
    field(
      "odometer",
      ["odometer", "mileage", "miles", "odo", "km", "kilometers", "mileagein"],
      wholeNumber(0, limits.odometer.max),
    ),
    notes,
  ],
  appointments: [
    externalId(["appointmentid", "apptid", "bookingid"]),
    vehicleRef,
    field(
      "scheduledFor",
      [
        "scheduledfor",
        "scheduled",
        "datetime",
        "appointmentdate",
        "apptdate",
        "start",
        "starttime",
        "date",
        "when",
      ],
      date,
      true,
    ),
    field(
      "service",
      ["service", "servicename", "servicetype", "description", "job"],
      service,
    ),
    field(
      "status",
      ["status", "appointmentstatus", "state"],
      oneOf({
        scheduled: "SCHEDULED",
        booked: "SCHEDULED",
        completed: "COMPLETED",
        done: "COMPLETED",
        cancelled: "CANCELLED",
        canceled: "CANCELLED",
        noshow: "NO_SHOW",
      }),
    ),
    notes,
  ],
};
