-- CreateTable
CREATE TABLE "vehicle_visits" (
    "vehicle_id" INTEGER NOT NULL,
    "first_visit_at" TIMESTAMPTZ(3) NOT NULL,
    "first_visit_odometer" INTEGER,
    "first_reading_at" TIMESTAMPTZ(3),
    "first_reading_odometer" INTEGER,
    "last_reading_at" TIMESTAMPTZ(3),
    "last_reading_odometer" INTEGER,

    CONSTRAINT "vehicle_visits_pkey" PRIMARY KEY ("vehicle_id")
);

-- CreateIndex
CREATE INDEX "vehicle_visits_last_reading_at_idx" ON "vehicle_visits"("last_reading_at");

-- AddForeignKey
ALTER TABLE "vehicle_visits" ADD CONSTRAINT "vehicle_visits_vehicle_id_fkey" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Recomputes the given vehicles' rows from service_records, on every write:
-- a vehicle has few records, and its first visit or readings may move
-- either way when one is inserted, edited or deleted.
CREATE FUNCTION rally_refresh_vehicle_visits(vehicle_ids int[])
RETURNS void AS $$
  INSERT INTO vehicle_visits AS vv (vehicle_id, first_visit_at,
    first_visit_odometer, first_reading_at, first_reading_odometer,
    last_reading_at, last_reading_odometer)
  SELECT k.vehicle_id, fv.performed_at, fv.odometer, fr.performed_at,
    fr.odometer, lr.performed_at, lr.odometer
  FROM (SELECT DISTINCT unnest(vehicle_ids) AS vehicle_id) k
  CROSS JOIN LATERAL (
    SELECT sr.performed_at, sr.odometer FROM service_records sr
    WHERE sr.vehicle_id = k.vehicle_id
    ORDER BY sr.performed_at, sr.odometer NULLS LAST LIMIT 1) fv
  LEFT JOIN LATERAL (
    SELECT sr.performed_at, sr.odometer FROM service_records sr
    WHERE sr.vehicle_id = k.vehicle_id AND sr.odometer IS NOT NULL
    ORDER BY sr.performed_at, sr.odometer LIMIT 1) fr ON true
  LEFT JOIN LATERAL (
    SELECT sr.performed_at, sr.odometer FROM service_records sr
    WHERE sr.vehicle_id = k.vehicle_id AND sr.odometer IS NOT NULL
    ORDER BY sr.performed_at DESC, sr.odometer DESC LIMIT 1) lr ON true
  ON CONFLICT (vehicle_id) DO UPDATE SET
    first_visit_at = excluded.first_visit_at,
    first_visit_odometer = excluded.first_visit_odometer,
    first_reading_at = excluded.first_reading_at,
    first_reading_odometer = excluded.first_reading_odometer,
    last_reading_at = excluded.last_reading_at,
    last_reading_odometer = excluded.last_reading_odometer;
  DELETE FROM vehicle_visits vv
  WHERE vv.vehicle_id = ANY (vehicle_ids)
    AND NOT EXISTS (SELECT 1 FROM service_records sr
      WHERE sr.vehicle_id = vv.vehicle_id);
$$ LANGUAGE sql;

CREATE FUNCTION rally_vehicle_visits_insert() RETURNS trigger AS $$
BEGIN
  PERFORM rally_refresh_vehicle_visits(array_agg(DISTINCT vehicle_id))
  FROM new_records;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION rally_vehicle_visits_update() RETURNS trigger AS $$
BEGIN
  PERFORM rally_refresh_vehicle_visits(array_agg(vehicle_id))
  FROM (
    SELECT vehicle_id FROM old_records
    UNION SELECT vehicle_id FROM new_records
  ) changed;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION rally_vehicle_visits_delete() RETURNS trigger AS $$
BEGIN
  PERFORM rally_refresh_vehicle_visits(array_agg(DISTINCT vehicle_id))
  FROM old_records;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER service_records_visits_insert
  AFTER INSERT ON service_records REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION rally_vehicle_visits_insert();

CREATE TRIGGER service_records_visits_update
  AFTER UPDATE ON service_records
  REFERENCING OLD TABLE AS old_records NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION rally_vehicle_visits_update();

CREATE TRIGGER service_records_visits_delete
  AFTER DELETE ON service_records REFERENCING OLD TABLE AS old_records
  FOR EACH STATEMENT EXECUTE FUNCTION rally_vehicle_visits_delete();

-- Backfill from the records already stored, set-based.
INSERT INTO vehicle_visits (vehicle_id, first_visit_at, first_visit_odometer,
  first_reading_at, first_reading_odometer, last_reading_at,
  last_reading_odometer)
SELECT fv.vehicle_id, fv.performed_at, fv.odometer, fr.performed_at,
  fr.odometer, lr.performed_at, lr.odometer
FROM (
  SELECT DISTINCT ON (vehicle_id) vehicle_id, performed_at, odometer
  FROM service_records
  ORDER BY vehicle_id, performed_at, odometer NULLS LAST
) fv
LEFT JOIN (
  SELECT DISTINCT ON (vehicle_id) vehicle_id, performed_at, odometer
  FROM service_records WHERE odometer IS NOT NULL
  ORDER BY vehicle_id, performed_at, odometer
) fr ON fr.vehicle_id = fv.vehicle_id
LEFT JOIN (
  SELECT DISTINCT ON (vehicle_id) vehicle_id, performed_at, odometer
  FROM service_records WHERE odometer IS NOT NULL
  ORDER BY vehicle_id, performed_at DESC, odometer DESC
) lr ON lr.vehicle_id = fv.vehicle_id;
