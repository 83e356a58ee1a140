-- AlterTable
ALTER TABLE "DlConversation" ADD COLUMN "browserKeyHash" TEXT;

