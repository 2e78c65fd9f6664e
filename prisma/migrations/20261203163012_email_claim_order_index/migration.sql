-- CreateIndex
CREATE INDEX "emails_status_id_idx" ON "emails"("status", "id");

