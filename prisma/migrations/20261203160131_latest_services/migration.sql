-- CreateTable
CREATE TABLE "latest_services" (
    "vehicle_id" INTEGER NOT NULL,
    "service_type_id" INTEGER NOT NULL,
    "performed_at" TIMESTAMPTZ(3) NOT NULL,
    "odometer" INTEGER,

    CONSTRAINT "latest_services_pkey" PRIMARY KEY ("vehicle_id","service_type_id")
);

-- CreateIndex
CREATE INDEX "latest_services_service_type_id_performed_at_vehicle_id_idx" ON "latest_services"("service_type_id", "performed_at", "vehicle_id");

-- AddForeignKey
ALTER TABLE "latest_services" ADD CONSTRAINT "latest_services_vehicle_id_fkey" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "latest_services" ADD CONSTRAINT "latest_services_service_type_id_fkey" FOREIGN KEY ("service_type_id") REFERENCES "service_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Keeps latest_services in the transaction that writes service_records, for
-- every writer (services, import, seed, raw SQL). Statement-level with
-- transition tables, so a bulk insert costs one set-based upsert.
CREATE FUNCTION rally_latest_services_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO latest_services AS l
    (vehicle_id, service_type_id, performed_at, odometer)
  SELECT DISTINCT ON (vehicle_id, service_type_id)
    vehicle_id, service_type_id, performed_at, odometer
  FROM new_records
  ORDER BY vehicle_id, service_type_id, performed_at DESC,
    odometer DESC NULLS LAST
  ON CONFLICT (vehicle_id, service_type_id) DO UPDATE SET
    odometer = CASE WHEN excluded.performed_at = l.performed_at
      THEN greatest(l.odometer, excluded.odometer)
      ELSE excluded.odometer END,
    performed_at = excluded.performed_at
  WHERE excluded.performed_at >= l.performed_at;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Recomputes the given (vehicle, type) pairs from service_records: after an
-- update or delete the latest record may be an older one, or none.
CREATE FUNCTION rally_refresh_latest_services(vehicle_ids int[], type_ids int[])
RETURNS void AS $$
  INSERT INTO latest_services AS l
    (vehicle_id, service_type_id, performed_at, odometer)
  SELECT DISTINCT ON (sr.vehicle_id, sr.service_type_id)
    sr.vehicle_id, sr.service_type_id, sr.performed_at, sr.odometer
  FROM unnest(vehicle_ids, type_ids) k (vehicle_id, service_type_id)
  JOIN service_records sr ON sr.vehicle_id = k.vehicle_id
    AND sr.service_type_id = k.service_type_id
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

CREATE FUNCTION rally_latest_services_update() RETURNS trigger AS $$
BEGIN
  PERFORM rally_refresh_latest_services(array_agg(vehicle_id),
    array_agg(service_type_id))
  FROM (
    SELECT vehicle_id, service_type_id FROM old_records
    UNION SELECT vehicle_id, service_type_id FROM new_records
  ) changed;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION rally_latest_services_delete() RETURNS trigger AS $$
BEGIN
  PERFORM rally_refresh_latest_services(array_agg(vehicle_id),
    array_agg(service_type_id))
  FROM (SELECT DISTINCT vehicle_id, service_type_id FROM old_records) gone;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER service_records_latest_insert
  AFTER INSERT ON service_records REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION rally_latest_services_insert();

CREATE TRIGGER service_records_latest_update
  AFTER UPDATE ON service_records
  REFERENCING OLD TABLE AS old_records NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION rally_latest_services_update();

CREATE TRIGGER service_records_latest_delete
  AFTER DELETE ON service_records REFERENCING OLD TABLE AS old_records
  FOR EACH STATEMENT EXECUTE FUNCTION rally_latest_services_delete();

-- Backfill from the records already stored.
INSERT INTO latest_services (vehicle_id, service_type_id, performed_at, odometer)
SELECT DISTINCT ON (vehicle_id, service_type_id)
  vehicle_id, service_type_id, performed_at, odometer
FROM service_records
ORDER BY vehicle_id, service_type_id, performed_at DESC,
  odometer DESC NULLS LAST;
