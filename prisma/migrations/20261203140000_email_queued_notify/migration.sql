-- Wakes the email dispatchers when any service queues mail (the outbox), so
-- they need not poll. Statement-level: one notice per insert, however many rows.
CREATE OR REPLACE FUNCTION rally_notify_email_queued() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('rally_email_queued', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER emails_queued_notify
  AFTER INSERT ON emails
  FOR EACH STATEMENT EXECUTE FUNCTION rally_notify_email_queued();
