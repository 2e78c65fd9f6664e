-- AlterTable
ALTER TABLE "shop_settings" DROP COLUMN "provider";

