-- Each latest service carries its vehicle's owner and whether the vehicle is
-- active, so a cohort is counted from latest_services alone instead of
-- joining a million vehicles and their owners on every preview.

-- AlterTable
ALTER TABLE "latest_services" ADD COLUMN "customer_id" INTEGER,
ADD COLUMN "vehicle_active" BOOLEAN;

UPDATE latest_services l
SET customer_id = v.customer_id, vehicle_active = v.status = 'ACTIVE'
FROM vehicles v
WHERE v.id = l.vehicle_id;

ALTER TABLE "latest_services" ALTER COLUMN "customer_id" SET NOT NULL,
ALTER COLUMN "vehicle_active" SET NOT NULL;

-- DropIndex
DROP INDEX "latest_services_service_type_id_performed_at_vehicle_id_idx";

-- CreateIndex
CREATE INDEX "latest_services_service_type_id_performed_at_vehicle_id_cus_idx" ON "latest_services"("service_type_id", "performed_at", "vehicle_id", "customer_id", "vehicle_active");

-- The rows the service_records triggers write take the owner and state from
-- the vehicle; an existing row keeps them, as the vehicles trigger below
-- keeps them current.
CREATE OR REPLACE FUNCTION rally_latest_services_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO latest_services AS l
    (vehicle_id, service_type_id, performed_at, odometer, customer_id,
      vehicle_active)
  SELECT DISTINCT ON (r.vehicle_id, r.service_type_id)
    r.vehicle_id, r.service_type_id, r.performed_at, r.odometer,
    v.customer_id, v.status = 'ACTIVE'
  FROM new_records r
  JOIN vehicles v ON v.id = r.vehicle_id
  ORDER BY r.vehicle_id, r.service_type_id, r.performed_at DESC,
    r.odometer DESC NULLS LAST
  ON CONFLICT (vehicle_id, service_type_id) DO UPDATE SET
    odometer = CASE WHEN excluded.performed_at = l.performed_at
      THEN greatest(l.odometer, excluded.odometer)
      ELSE excluded.odometer END,
    performed_at = excluded.performed_at
  WHERE excluded.performed_at >= l.performed_at;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION rally_refresh_latest_services(vehicle_ids int[], type_ids int[])
RETURNS void AS $$
  INSERT INTO latest_services AS l
    (vehicle_id, service_type_id, performed_at, odometer, customer_id,
      vehicle_active)
  SELECT DISTINCT ON (sr.vehicle_id, sr.service_type_id)
    sr.vehicle_id, sr.service_type_id, sr.performed_at, sr.odometer,
    v.customer_id, v.status = 'ACTIVE'
  FROM unnest(vehicle_ids, type_ids) k (vehicle_id, service_type_id)
  JOIN service_records sr ON sr.vehicle_id = k.vehicle_id
    AND sr.service_type_id = k.service_type_id
  JOIN vehicles v ON v.id = sr.vehicle_id
  ORDER BY sr.vehicle_id, sr.service_type_id, sr.performed_at DESC,
    sr.odometer DESC NULLS LAST
  ON CONFLICT (vehicle_id, service_type_id) DO UPDATE SET
    performed_at = excluded.performed_at, odometer = excluded.odometer;
  DELETE FROM latest_services l
  USING unnest(vehicle_ids, type_ids) k (vehicle_id, service_type_id)
  WHERE l.vehicle_id = k.vehicle_id AND l.service_type_id = k.service_type_id
    AND NOT EXISTS (SELECT 1 FROM service_records sr
      WHERE sr.vehicle_id = k.vehicle_id
        AND sr.service_type_id = k.service_type_id);
$$ LANGUAGE sql;

-- A vehicle that changes owner or is marked sold or gone updates its rows
-- in the same statement's transaction. (Transition tables rule out an
-- UPDATE OF column list, so the comparison picks the rows that changed.)
CREATE FUNCTION rally_latest_services_vehicle() RETURNS trigger AS $$
BEGIN
  UPDATE latest_services l
  SET customer_id = v.customer_id, vehicle_active = v.status = 'ACTIVE'
  FROM new_vehicles v
  WHERE l.vehicle_id = v.id
    AND (l.customer_id <> v.customer_id
      OR l.vehicle_active <> (v.status = 'ACTIVE'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER vehicles_latest_services
  AFTER UPDATE ON vehicles REFERENCING NEW TABLE AS new_vehicles
  FOR EACH STATEMENT EXECUTE FUNCTION rally_latest_services_vehicle();

-- Who cannot be emailed, found from the small side: owners without an
-- address through a partial index, and owners of suppressed addresses by
-- looking each suppression up (the address as the cohort compares it).
CREATE INDEX "customers_without_email_idx" ON "customers" ("id")
  WHERE email IS NULL OR btrim(email) = '';
CREATE INDEX "customers_contact_email_idx" ON "customers"
  (lower(btrim(email))) INCLUDE ("id", "email");
