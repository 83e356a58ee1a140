-- CreateEnum
CREATE TYPE "Condicion" AS ENUM ('AFILIADO_DEPENDENCIA', 'AFILIADO_CESANTE', 'AFILIADO_VOLUNTARIO', 'JUBILADO', 'PENSIONISTA', 'MONTEPIO_CONYUGE');

-- CreateEnum
CREATE TYPE "PensionSeguro" AS ENUM ('SEGURO_GENERAL', 'RIESGOS_DEL_TRABAJO');

-- CreateEnum
CREATE TYPE "PensionTipo" AS ENUM ('VEJEZ', 'INVALIDEZ', 'MUERTE', 'INCAPACIDAD_PERMANENTE_TOTAL', 'INCAPACIDAD_PERMANENTE_PARCIAL');

-- CreateEnum
CREATE TYPE "ClaveEstado" AS ENUM ('ACTIVA', 'INACTIVA', 'SOLICITADA');

-- CreateEnum
CREATE TYPE "CaseType" AS ENUM ('RELIQUIDACION', 'REINSERCION', 'CLAVE');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('RECIBIDO', 'PENDIENTE_EMPLEADOR', 'EN_REVISION', 'REQUIERE_INFORMACION', 'APROBADO', 'NEGADO', 'CERRADO');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDIENTE', 'ENVIADO', 'FALLIDO');

-- CreateTable
CREATE TABLE "Afiliado" (
    "id" TEXT NOT NULL,
    "cedula" TEXT,
    "codigoExtranjero" TEXT,
    "nombres" TEXT NOT NULL,
    "apellidos" TEXT NOT NULL,
    "nacionalidad" TEXT,
    "fechaNacimiento" TEXT NOT NULL,
    "email" TEXT,
    "telefono" TEXT,
    "provincia" TEXT,
    "condicion" "Condicion" NOT NULL,
    "pensionSeguro" "PensionSeguro",
    "pensionTipo" "PensionTipo",
    "aportesPendientesCentavos" INTEGER NOT NULL DEFAULT 0,
    "empleadorRuc" TEXT,
    "empleadorRazonSocial" TEXT,
    "empleadorEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Afiliado_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkPeriod" (
    "id" TEXT NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "empleador" TEXT NOT NULL,
    "desde" TEXT NOT NULL,
    "hasta" TEXT,

    CONSTRAINT "WorkPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityQuestion" (
    "id" TEXT NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "orden" INTEGER NOT NULL,
    "pregunta" TEXT NOT NULL,
    "respuestaHash" TEXT NOT NULL,

    CONSTRAINT "SecurityQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Clave" (
    "afiliadoId" TEXT NOT NULL,
    "hash" TEXT,
    "estado" "ClaveEstado" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Clave_pkey" PRIMARY KEY ("afiliadoId")
);

-- CreateTable
CREATE TABLE "RecoveryGuard" (
    "identificador" TEXT NOT NULL,
    "fallos" INTEGER NOT NULL DEFAULT 0,
    "bloqueadoEn" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecoveryGuard_pkey" PRIMARY KEY ("identificador")
);

-- CreateTable
CREATE TABLE "RecoveryToken" (
    "id" TEXT NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThrottleState" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAllowedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThrottleState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "numero" TEXT NOT NULL,
    "tipo" "CaseType" NOT NULL,
    "estado" "CaseState" NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "provincia" TEXT,
    "detalle" TEXT,
    "owner" TEXT,
    "dedupKey" TEXT,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "estado" "CaseState" NOT NULL,
    "nota" TEXT,
    "autor" TEXT,
    "fecha" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCounter" (
    "prefijo" TEXT NOT NULL,
    "anio" INTEGER NOT NULL,
    "ultimo" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseCounter_pkey" PRIMARY KEY ("prefijo","anio")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "afiliadoId" TEXT,
    "caseId" TEXT,
    "tipo" TEXT NOT NULL,
    "nombreOriginal" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "estado" "OutboxState" NOT NULL DEFAULT 'PENDIENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "dedupKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BotState" (
    "key" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "DlConversation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "nextWatermark" INTEGER NOT NULL DEFAULT 0,
    "browserKeyHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DlConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DlActivity" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DlActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DlDelivery" (
    "activityId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DlDelivery_pkey" PRIMARY KEY ("activityId")
);

-- CreateTable
CREATE TABLE "DlToken" (
    "tokenHash" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DlToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "DlAttachment" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DlAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DownloadGrant" (
    "tokenHash" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channelId" TEXT,
    "conversationId" TEXT,

    CONSTRAINT "DownloadGrant_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "SignInLink" (
    "tokenHash" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "CitizenSession" (
    "conversationKey" TEXT NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CitizenSession_pkey" PRIMARY KEY ("conversationKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "Afiliado_cedula_key" ON "Afiliado"("cedula");

-- CreateIndex
CREATE UNIQUE INDEX "Afiliado_codigoExtranjero_key" ON "Afiliado"("codigoExtranjero");

-- CreateIndex
CREATE INDEX "WorkPeriod_afiliadoId_idx" ON "WorkPeriod"("afiliadoId");

-- CreateIndex
CREATE UNIQUE INDEX "SecurityQuestion_afiliadoId_orden_key" ON "SecurityQuestion"("afiliadoId", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryToken_tokenHash_key" ON "RecoveryToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RecoveryToken_afiliadoId_idx" ON "RecoveryToken"("afiliadoId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_numero_key" ON "Case"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "Case_dedupKey_key" ON "Case"("dedupKey");

-- CreateIndex
CREATE UNIQUE INDEX "Case_requestId_key" ON "Case"("requestId");

-- CreateIndex
CREATE INDEX "Case_afiliadoId_tipo_idx" ON "Case"("afiliadoId", "tipo");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_fecha_idx" ON "CaseEvent"("caseId", "fecha");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_caseId_idx" ON "Document"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupKey_key" ON "OutboxEmail"("dedupKey");

-- CreateIndex
CREATE INDEX "OutboxEmail_estado_nextAttemptAt_idx" ON "OutboxEmail"("estado", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "DlActivity_conversationId_seq_key" ON "DlActivity"("conversationId", "seq");

-- CreateIndex
CREATE INDEX "DlDelivery_conversationId_idx" ON "DlDelivery"("conversationId");

-- CreateIndex
CREATE INDEX "DlToken_conversationId_idx" ON "DlToken"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "DlAttachment_storageKey_key" ON "DlAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "DlAttachment_conversationId_idx" ON "DlAttachment"("conversationId");

-- CreateIndex
CREATE INDEX "DownloadGrant_documentId_idx" ON "DownloadGrant"("documentId");

-- CreateIndex
CREATE INDEX "SignInLink_conversationKey_idx" ON "SignInLink"("conversationKey");

-- CreateIndex
CREATE INDEX "CitizenSession_afiliadoId_idx" ON "CitizenSession"("afiliadoId");

-- AddForeignKey
ALTER TABLE "WorkPeriod" ADD CONSTRAINT "WorkPeriod_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityQuestion" ADD CONSTRAINT "SecurityQuestion_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clave" ADD CONSTRAINT "Clave_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryToken" ADD CONSTRAINT "RecoveryToken_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DlActivity" ADD CONSTRAINT "DlActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DlConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DlDelivery" ADD CONSTRAINT "DlDelivery_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DlConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DlToken" ADD CONSTRAINT "DlToken_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DlConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DownloadGrant" ADD CONSTRAINT "DownloadGrant_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenSession" ADD CONSTRAINT "CitizenSession_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado"("id") ON DELETE CASCADE ON UPDATE CASCADE;

