-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "template_html" TEXT,
ADD COLUMN     "template_kind" "template_kind",
ADD COLUMN     "template_subject" TEXT,
ADD COLUMN     "template_text" TEXT;


-- Campaigns queued before the copy was kept take their template as it is now.
UPDATE "campaigns" c SET "template_kind" = t."kind",
  "template_subject" = t."subject", "template_html" = t."html",
  "template_text" = t."text"
FROM "templates" t WHERE t."id" = c."template_id";
