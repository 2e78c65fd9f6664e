-- CreateTable
CREATE TABLE "send_rate_buckets" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "pace" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "refilled_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "send_rate_buckets_pkey" PRIMARY KEY ("key")
);

