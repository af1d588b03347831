-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-US',
ADD COLUMN     "pdfPageSize" TEXT NOT NULL DEFAULT 'A4';

-- CreateIndex
CREATE INDEX "ScenarioRevision_orgId_fingerprint_idx" ON "ScenarioRevision"("orgId", "fingerprint");

