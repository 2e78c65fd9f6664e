-- DropIndex
DROP INDEX "emails_campaign_id_status_idx";

-- CreateIndex
CREATE INDEX "emails_campaign_id_status_id_idx" ON "emails"("campaign_id", "status", "id");

