-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "latestRevisionNumber" INTEGER NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioRevision" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "inputs" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "engineVersion" TEXT NOT NULL,
    "catalogueVersion" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "result" BYTEA NOT NULL,
    "headlineOptionId" TEXT,
    "headlineOptionName" TEXT,
    "headlineCashTotal" TEXT,
    "headlineBreakEvenMonth" INTEGER,
    "headlineBreakEvenCalendarMonth" TEXT,
    "currencyCode" TEXT NOT NULL,

    CONSTRAINT "ScenarioRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Scenario_orgId_updatedAt_idx" ON "Scenario"("orgId", "updatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Scenario_id_orgId_key" ON "Scenario"("id", "orgId");

-- CreateIndex
CREATE INDEX "ScenarioRevision_orgId_idx" ON "ScenarioRevision"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRevision_scenarioId_number_key" ON "ScenarioRevision"("scenarioId", "number");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRevision" ADD CONSTRAINT "ScenarioRevision_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRevision" ADD CONSTRAINT "ScenarioRevision_scenarioId_orgId_fkey" FOREIGN KEY ("scenarioId", "orgId") REFERENCES "Scenario"("id", "orgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRevision" ADD CONSTRAINT "ScenarioRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Revisions are immutable (docs/decisions/007-scenario-revisions.md). Prisma's schema does not model
-- triggers, so `migrate diff` neither writes nor compares this one. The only update allowed is the
-- one Postgres itself makes when the author's user row is deleted (ON DELETE SET NULL).
-- The body is an E'' string with \073 for each semicolon: adapter-pg 6.19.3 runs a migration script
-- by splitting it at every semicolon, inside dollar quotes too (ADR 002).
CREATE FUNCTION "ScenarioRevision_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."createdById" IS NULL AND (to_jsonb(NEW) - \'createdById\') = (to_jsonb(OLD) - \'createdById\') THEN
    RETURN NEW\073
  END IF\073
  RAISE EXCEPTION \'ScenarioRevision rows are immutable (revision %)\', OLD."id" USING ERRCODE = \'restrict_violation\'\073
END
';

CREATE TRIGGER "ScenarioRevision_immutable"
  BEFORE UPDATE ON "ScenarioRevision"
  FOR EACH ROW EXECUTE FUNCTION "ScenarioRevision_refuse_update"();
