-- CreateTable
CREATE TABLE "DownloadGrant" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DownloadGrant_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DownloadGrant_documentId_idx" ON "DownloadGrant"("documentId");

