-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('AGENTE', 'SUPERVISOR');

-- CreateEnum
CREATE TYPE "HandoffEstado" AS ENUM ('EN_COLA', 'TOMADA', 'TERMINADA');

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "notificar" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "nombre" TEXT NOT NULL,
    "correo" TEXT NOT NULL,
    "rol" "StaffRole" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "personalReference" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "staffId" TEXT,
    "actorAadObjectId" TEXT,
    "actorTenantId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "outcome" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentDocumentGrant" (
    "tokenHash" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "caseNumero" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgentDocumentGrant_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "HandoffRequest" (
    "id" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "openKey" TEXT,
    "channelId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "afiliadoId" TEXT,
    "tema" TEXT,
    "transcript" TEXT NOT NULL,
    "estado" "HandoffEstado" NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL,
    "offerDueAt" TIMESTAMP(3) NOT NULL,
    "timeoutOfferedAt" TIMESTAMP(3),
    "agentStaffId" TEXT,
    "agentNombre" TEXT,
    "agentReference" TEXT,
    "takenAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedBy" TEXT,
    "cardActivityId" TEXT,
    "cardConversation" TEXT,
    "surveyPending" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HandoffRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffSatisfaction" (
    "handoffId" TEXT NOT NULL,
    "puntaje" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoffSatisfaction_pkey" PRIMARY KEY ("handoffId")
);

-- CreateTable
CREATE TABLE "CallbackRequest" (
    "id" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "afiliadoId" TEXT,
    "mensaje" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "atendidaAt" TIMESTAMP(3),
    "atendidaPor" TEXT,

    CONSTRAINT "CallbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenContact" (
    "afiliadoId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CitizenContact_pkey" PRIMARY KEY ("afiliadoId","channelId")
);

-- CreateTable
CREATE TABLE "CaseNotification" (
    "id" TEXT NOT NULL,
    "caseEventId" TEXT NOT NULL,
    "canal" TEXT NOT NULL,
    "estado" TEXT NOT NULL,
    "detalle" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastResult" TEXT,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "WaContact" (
    "waUser" TEXT NOT NULL,
    "waId" TEXT,
    "lastUserMessageAt" TIMESTAMP(3),
    "optIn" BOOLEAN,
    "optInAskedAt" TIMESTAMP(3),
    "optInAnsweredAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WaContact_pkey" PRIMARY KEY ("waUser")
);

-- CreateTable
CREATE TABLE "WaInbound" (
    "id" SERIAL NOT NULL,
    "wamid" TEXT NOT NULL,
    "waUser" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "profileName" TEXT,
    "mediaId" TEXT,
    "estado" TEXT NOT NULL DEFAULT 'PENDIENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WaInbound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaOutbound" (
    "id" SERIAL NOT NULL,
    "waUser" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "estado" TEXT NOT NULL DEFAULT 'PENDIENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "errorCode" INTEGER,
    "wamid" TEXT,
    "status" TEXT,
    "statusAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "WaOutbound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaSignInCode" (
    "conversationKey" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaSignInCode_pkey" PRIMARY KEY ("conversationKey")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "numero" TEXT NOT NULL,
    "tramite" TEXT NOT NULL,
    "caseNumber" TEXT,
    "detalle" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintMonthlyCount" (
    "tramite" TEXT NOT NULL,
    "anio" INTEGER NOT NULL,
    "mes" INTEGER NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ComplaintMonthlyCount_pkey" PRIMARY KEY ("tramite","anio","mes")
);

-- CreateTable
CREATE TABLE "ConversationTopic" (
    "conversationKey" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationTopic_pkey" PRIMARY KEY ("conversationKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "Staff_aadObjectId_key" ON "Staff"("aadObjectId");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_at_idx" ON "AuditEntry"("subjectType", "subjectId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_staffId_at_idx" ON "AuditEntry"("staffId", "at");

-- CreateIndex
CREATE INDEX "AgentDocumentGrant_documentId_idx" ON "AgentDocumentGrant"("documentId");

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

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_numero_key" ON "Complaint"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_dedupKey_key" ON "Complaint"("dedupKey");

-- CreateIndex
CREATE INDEX "Complaint_tramite_createdAt_idx" ON "Complaint"("tramite", "createdAt");

-- AddForeignKey
ALTER TABLE "HandoffSatisfaction" ADD CONSTRAINT "HandoffSatisfaction_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "HandoffRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

