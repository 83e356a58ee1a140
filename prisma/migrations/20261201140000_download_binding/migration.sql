-- AlterTable
ALTER TABLE "DownloadGrant" ADD COLUMN "channelId" TEXT;
ALTER TABLE "DownloadGrant" ADD COLUMN "conversationId" TEXT;

