-- CreateTable
-- UNLOGGED: a minute of request counts is not worth WAL; a crash only forgets the current window.
CREATE UNLOGGED TABLE "rate_limit_windows" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "reserved" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("key","window_start")
);
