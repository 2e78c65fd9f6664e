-- CreateIndex
CREATE INDEX "service_records_service_type_id_vehicle_id_performed_at_idx" ON "service_records"("service_type_id", "vehicle_id", "performed_at" DESC);

