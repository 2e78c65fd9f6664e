-- CreateIndex
CREATE INDEX "email_events_occurred_at_idx" ON "email_events"("occurred_at");

