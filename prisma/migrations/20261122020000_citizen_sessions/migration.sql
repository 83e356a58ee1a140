-- AlterTable
ALTER TABLE "Case" ADD COLUMN "requestId" TEXT;

-- CreateTable
CREATE TABLE "SignInLink" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "conversationKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CitizenSession" (
    "conversationKey" TEXT NOT NULL PRIMARY KEY,
    "afiliadoId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL,
    CONSTRAINT "CitizenSession_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SignInLink_conversationKey_idx" ON "SignInLink"("conversationKey");

-- CreateIndex
CREATE INDEX "CitizenSession_afiliadoId_idx" ON "CitizenSession"("afiliadoId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_requestId_key" ON "Case"("requestId");

