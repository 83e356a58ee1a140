-- The watermark becomes the conversation's last seq (issue 14: one row per append instead of a row and a counter
-- update). An old conversation whose last activities were deleted had a counter above its last row: a tombstone
-- (json '') at the counter's seq keeps that seq from being given again.
INSERT INTO "DlActivity" ("id", "conversationId", "seq", "json", "createdAt")
SELECT c."id" || '|' || lpad(c."nextWatermark"::text, 7, '0'), c."id", c."nextWatermark", '', c."createdAt"
FROM "DlConversation" c
WHERE c."nextWatermark" > COALESCE((SELECT MAX(a."seq") FROM "DlActivity" a WHERE a."conversationId" = c."id"), -1);

-- DropIndex
DROP INDEX "DlActivity_conversationId_seq_key";

-- AlterTable
ALTER TABLE "DlConversation" DROP COLUMN "nextWatermark";

-- AlterTable
ALTER TABLE "DlActivity" DROP CONSTRAINT "DlActivity_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "DlActivity_pkey" PRIMARY KEY ("conversationId", "seq");

