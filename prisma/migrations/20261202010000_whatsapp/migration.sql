-- CreateTable
CREATE TABLE "WaContact" (
    "waUser" TEXT NOT NULL PRIMARY KEY,
    "waId" TEXT,
    "lastUserMessageAt" DATETIME,
    "optIn" BOOLEAN,
    "optInAskedAt" DATETIME,
    "optInAnsweredAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WaInbound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "wamid" TEXT NOT NULL,
    "waUser" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "profileName" TEXT,
    "mediaId" TEXT,
    "estado" TEXT NOT NULL DEFAULT 'PENDIENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "processedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WaOutbound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "waUser" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "estado" TEXT NOT NULL DEFAULT 'PENDIENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "errorCode" INTEGER,
    "wamid" TEXT,
    "status" TEXT,
    "statusAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "WaSignInCode" (
    "conversationKey" TEXT NOT NULL PRIMARY KEY,
    "codeHash" TEXT NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "WaInbound_wamid_key" ON "WaInbound"("wamid");

-- CreateIndex
CREATE INDEX "WaInbound_waUser_estado_id_idx" ON "WaInbound"("waUser", "estado", "id");

-- CreateIndex
CREATE INDEX "WaInbound_estado_id_idx" ON "WaInbound"("estado", "id");

-- CreateIndex
CREATE INDEX "WaInbound_mediaId_idx" ON "WaInbound"("mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "WaOutbound_wamid_key" ON "WaOutbound"("wamid");

-- CreateIndex
CREATE INDEX "WaOutbound_estado_nextAttemptAt_idx" ON "WaOutbound"("estado", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WaOutbound_waUser_estado_id_idx" ON "WaOutbound"("waUser", "estado", "id");

