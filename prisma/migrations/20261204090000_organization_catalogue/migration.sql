-- CreateTable
CREATE TABLE "OrganizationCatalogueVersion" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationCatalogueVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationCatalogueVersion_orgId_number_key" ON "OrganizationCatalogueVersion"("orgId", "number");

-- AddForeignKey
ALTER TABLE "OrganizationCatalogueVersion" ADD CONSTRAINT "OrganizationCatalogueVersion_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationCatalogueVersion" ADD CONSTRAINT "OrganizationCatalogueVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Row-level security (docs/decisions/019-row-level-security.md): the organisation's own rows only.
-- Versions are immutable: the app inserts the next one and never updates or deletes (they go with
-- their organisation, by the foreign-key cascade).
REVOKE UPDATE, DELETE ON "OrganizationCatalogueVersion" FROM opentco_app;
ALTER TABLE "OrganizationCatalogueVersion" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OrganizationCatalogueVersion" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON "OrganizationCatalogueVersion" TO opentco_app
  USING ("orgId" = current_setting('app.organization_id', true))
  WITH CHECK ("orgId" = current_setting('app.organization_id', true));
