-- CreateTable
CREATE TABLE "DlDelivery" (
    "activityId" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DlDelivery_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DlConversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DlDelivery_conversationId_idx" ON "DlDelivery"("conversationId");

