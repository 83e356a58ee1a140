-- CreateTable
CREATE TABLE "HandoffRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationKey" TEXT NOT NULL,
    "openKey" TEXT,
    "channelId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "afiliadoId" TEXT,
    "tema" TEXT,
    "transcript" TEXT NOT NULL,
    "estado" TEXT NOT NULL,
    "queuedAt" DATETIME NOT NULL,
    "offerDueAt" DATETIME NOT NULL,
    "timeoutOfferedAt" DATETIME,
    "agentStaffId" TEXT,
    "agentNombre" TEXT,
    "agentReference" TEXT,
    "takenAt" DATETIME,
    "endedAt" DATETIME,
    "endedBy" TEXT,
    "cardActivityId" TEXT,
    "cardConversation" TEXT,
    "surveyPending" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "HandoffSatisfaction" (
    "handoffId" TEXT NOT NULL PRIMARY KEY,
    "puntaje" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "HandoffSatisfaction_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "HandoffRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallbackRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "afiliadoId" TEXT,
    "mensaje" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "atendidaAt" DATETIME,
    "atendidaPor" TEXT
);

-- CreateTable
CREATE TABLE "CitizenContact" (
    "afiliadoId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("afiliadoId", "channelId")
);

-- CreateTable
CREATE TABLE "CaseNotification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseEventId" TEXT NOT NULL,
    "canal" TEXT NOT NULL,
    "estado" TEXT NOT NULL,
    "detalle" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "HandoffRequest_openKey_key" ON "HandoffRequest"("openKey");

-- CreateIndex
CREATE INDEX "HandoffRequest_estado_queuedAt_idx" ON "HandoffRequest"("estado", "queuedAt");

-- CreateIndex
CREATE INDEX "HandoffRequest_estado_offerDueAt_idx" ON "HandoffRequest"("estado", "offerDueAt");

-- CreateIndex
CREATE INDEX "HandoffRequest_conversationKey_queuedAt_idx" ON "HandoffRequest"("conversationKey", "queuedAt");

-- CreateIndex
CREATE INDEX "HandoffRequest_agentStaffId_estado_idx" ON "HandoffRequest"("agentStaffId", "estado");

-- CreateIndex
CREATE INDEX "CallbackRequest_atendidaAt_dueAt_idx" ON "CallbackRequest"("atendidaAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseNotification_caseEventId_canal_key" ON "CaseNotification"("caseEventId", "canal");

