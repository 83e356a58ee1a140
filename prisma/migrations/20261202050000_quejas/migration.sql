-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "numero" TEXT NOT NULL,
    "tramite" TEXT NOT NULL,
    "caseNumber" TEXT,
    "detalle" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ComplaintMonthlyCount" (
    "tramite" TEXT NOT NULL,
    "anio" INTEGER NOT NULL,
    "mes" INTEGER NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("tramite", "anio", "mes")
);

-- CreateTable
CREATE TABLE "ConversationTopic" (
    "conversationKey" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_numero_key" ON "Complaint"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_dedupKey_key" ON "Complaint"("dedupKey");

-- CreateIndex
CREATE INDEX "Complaint_tramite_createdAt_idx" ON "Complaint"("tramite", "createdAt");

