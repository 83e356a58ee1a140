-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "aadObjectId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "nombre" TEXT NOT NULL,
    "correo" TEXT NOT NULL,
    "rol" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "personalReference" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT,
    "actorAadObjectId" TEXT,
    "actorTenantId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "outcome" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CaseEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "estado" TEXT NOT NULL,
    "nota" TEXT,
    "autor" TEXT,
    "fecha" DATETIME NOT NULL,
    "notificar" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CaseEvent" ("autor", "caseId", "estado", "fecha", "id", "nota") SELECT "autor", "caseId", "estado", "fecha", "id", "nota" FROM "CaseEvent";
DROP TABLE "CaseEvent";
ALTER TABLE "new_CaseEvent" RENAME TO "CaseEvent";
CREATE INDEX "CaseEvent_caseId_fecha_idx" ON "CaseEvent"("caseId", "fecha");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Staff_aadObjectId_key" ON "Staff"("aadObjectId");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_at_idx" ON "AuditEntry"("subjectType", "subjectId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_staffId_at_idx" ON "AuditEntry"("staffId", "at");

