-- AlterTable
ALTER TABLE "emails" ADD COLUMN     "claim_token" UUID,
ADD COLUMN     "handed_off_at" TIMESTAMPTZ(3);

