import { BulkTable } from "./bulk.ts";

/** The bulk writers for the generated rows, in foreign-key order. */
export function createDemoTables() {
  return {
    customers: new BulkTable("customers", [
      ["id", "int"],
      ["external_id", "text"],
      ["first_name", "text"],
      ["last_name", "text"],
      ["email", "text"],
      ["phone", "text"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ]),
    vehicles: new BulkTable("vehicles", [
      ["id", "int"],
      ["external_id", "text"],
      ["customer_id", "int"],
      ["vin", "text"],
      ["make", "text"],
      ["model", "text"],
      ["year", "int"],
      ["status", "vehicle_status"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ]),
    serviceRecords: new BulkTable("service_records", [
      ["id", "int"],
      ["external_id", "text"],
      ["vehicle_id", "int"],
      ["service_type_id", "int"],
      ["performed_at", "timestamptz"],
      ["odometer", "int"],
      ["notes", "text"],
      ["created_at", "timestamptz"],
    ]),
    declinedServices: new BulkTable("declined_services", [
      ["service_record_id", "int"],
      ["service_type_id", "int"],
      ["price_cents", "int"],
    ]),
    appointments: new BulkTable("appointments", [
      ["vehicle_id", "int"],
      ["service_type_id", "int"],
      ["scheduled_for", "timestamptz"],
      ["status", "appointment_status"],
      ["source", "appointment_source"],
      ["notes", "text"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ]),
    suppressions: new BulkTable(
      "suppressions",
      [
        ["email", "text"],
        ["reason", "suppression_reason"],
        ["source", "text"],
        ["created_at", "timestamptz"],
      ],
      "ON CONFLICT (email) DO NOTHING",
    ),
  };
}

export type DemoTables = ReturnType<typeof createDemoTables>;
