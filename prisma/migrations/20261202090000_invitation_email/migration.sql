-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "email" TEXT;

