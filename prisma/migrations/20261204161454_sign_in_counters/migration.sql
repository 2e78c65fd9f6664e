-- CreateTable
CREATE TABLE "sign_in_counters" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sign_in_counters_window_ends_at_idx" ON "sign_in_counters"("window_ends_at");

