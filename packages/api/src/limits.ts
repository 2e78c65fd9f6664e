/**
 * Input bounds shared by the server's schemas and the console's forms.
 */
export const limits = {
  name: 100,
  shortText: 200,
  email: 254,
  phone: 32,
  notes: 2_000,
  search: 100,
  vin: 17,
  externalId: 64,
  serviceTypeKey: 40,
  pageSize: { default: 50, max: 500 },
  cadenceMonths: { min: 1, max: 120 },
  odometer: { max: 2_000_000 },
  year: { min: 1900, max: 2100 },
  priceCents: { max: 10_000_000 },
  declinedPerRecord: 20,
  password: { min: 12, max: 200 },
  auditAction: 64,
  idempotencyKey: 100,
  /** A CSV file sent to import.start; bigger files go through the CLI. */
  importBytes: 10_000_000,
  /** The start of a CSV file sent to import.inspect to read its header. */
  importHeadBytes: 65_536,
  fileName: 255,
} as const;
