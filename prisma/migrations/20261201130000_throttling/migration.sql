-- CreateTable
CREATE TABLE "ThrottleState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAllowedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

