-- The watermark becomes the conversation's last seq (issue 14: one row per append instead of a row and a counter
-- update). An old conversation whose last activities were deleted had a counter above its last row: a tombstone
-- (json '') at the counter's seq keeps that seq from being given again.
INSERT INTO "DlActivity" ("id", "conversationId", "seq", "json", "createdAt")
SELECT c."id" || '|' || substr('0000000' || c."nextWatermark", -7), c."id", c."nextWatermark", '', c."createdAt"
FROM "DlConversation" c
WHERE c."nextWatermark" > COALESCE((SELECT MAX(a."seq") FROM "DlActivity" a WHERE a."conversationId" = c."id"), -1);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DlConversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "browserKeyHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_DlConversation" ("browserKeyHash", "createdAt", "id", "userId") SELECT "browserKeyHash", "createdAt", "id", "userId" FROM "DlConversation";
DROP TABLE "DlConversation";
ALTER TABLE "new_DlConversation" RENAME TO "DlConversation";
CREATE INDEX "DlConversation_createdAt_idx" ON "DlConversation"("createdAt");
CREATE TABLE "new_DlActivity" (
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("conversationId", "seq"),
    CONSTRAINT "DlActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DlConversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DlActivity" ("conversationId", "createdAt", "json", "seq") SELECT "conversationId", "createdAt", "json", "seq" FROM "DlActivity";
DROP TABLE "DlActivity";
ALTER TABLE "new_DlActivity" RENAME TO "DlActivity";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

