-- CreateTable
CREATE TABLE "Afiliado" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cedula" TEXT,
    "codigoExtranjero" TEXT,
    "nombres" TEXT NOT NULL,
    "apellidos" TEXT NOT NULL,
    "nacionalidad" TEXT,
    "fechaNacimiento" TEXT NOT NULL,
    "email" TEXT,
    "telefono" TEXT,
    "provincia" TEXT,
    "condicion" TEXT NOT NULL,
    "pensionSeguro" TEXT,
    "pensionTipo" TEXT,
    "aportesPendientesCentavos" INTEGER NOT NULL DEFAULT 0,
    "empleadorRuc" TEXT,
    "empleadorRazonSocial" TEXT,
    "empleadorEmail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WorkPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "afiliadoId" TEXT NOT NULL,
    "empleador" TEXT NOT NULL,
    "desde" TEXT NOT NULL,
    "hasta" TEXT,
    CONSTRAINT "WorkPeriod_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SecurityQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "afiliadoId" TEXT NOT NULL,
    "orden" INTEGER NOT NULL,
    "pregunta" TEXT NOT NULL,
    "respuestaHash" TEXT NOT NULL,
    CONSTRAINT "SecurityQuestion_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Clave" (
    "afiliadoId" TEXT NOT NULL PRIMARY KEY,
    "hash" TEXT,
    "estado" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Clave_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecoveryGuard" (
    "identificador" TEXT NOT NULL PRIMARY KEY,
    "fallos" INTEGER NOT NULL DEFAULT 0,
    "bloqueadoEn" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RecoveryToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "afiliadoId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryToken_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("key", "windowStart")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "numero" TEXT NOT NULL,
    "tipo" TEXT NOT NULL,
    "estado" TEXT NOT NULL,
    "afiliadoId" TEXT NOT NULL,
    "provincia" TEXT,
    "detalle" TEXT,
    "owner" TEXT,
    "dedupKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "estado" TEXT NOT NULL,
    "nota" TEXT,
    "autor" TEXT,
    "fecha" DATETIME NOT NULL,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseCounter" (
    "prefijo" TEXT NOT NULL,
    "anio" INTEGER NOT NULL,
    "ultimo" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("prefijo", "anio")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "afiliadoId" TEXT,
    "caseId" TEXT,
    "tipo" TEXT NOT NULL,
    "nombreOriginal" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_afiliadoId_fkey" FOREIGN KEY ("afiliadoId") REFERENCES "Afiliado" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "estado" TEXT NOT NULL DEFAULT 'PENDIENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "dedupKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "BotState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "data" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DlConversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "nextWatermark" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DlActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DlActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DlConversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DlToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DlToken_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DlConversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DlAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
CREATE INDEX "DlToken_conversationId_idx" ON "DlToken"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "DlAttachment_storageKey_key" ON "DlAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "DlAttachment_conversationId_idx" ON "DlAttachment"("conversationId");

