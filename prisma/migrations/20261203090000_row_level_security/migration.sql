-- Row-level security: the second wall between organisations (docs/decisions/019-row-level-security.md).
--
-- The app's connections run as the role opentco_app (app/db.server.ts sets it at connection start),
-- which is neither superuser nor BYPASSRLS. Every table holding an organisation's rows has RLS
-- enabled and forced, and each transaction declares what it may reach with set_config(…, true):
--   app.organization_id      the organisation of the caller's membership: all of its rows
--   app.user_id              the signed-in user: their own memberships and the names of those organisations
--   app.share_token_hash     a share-link token being opened: that live link and its organisation's name
--   app.share_link_id        an opened share link: the link, the one revision it shows, its audit events
--   app.share_fingerprint    with app.share_link_id: an earlier revision of a following link by fingerprint
--   app.invitation_token_hash  an invitation link: that invitation, its organisation's name, joining it
-- A setting left empty matches nothing, so a transaction that declares nothing sees no tenant row.
-- Adapter-pg splits this file at every semicolon: the DO blocks are E'' strings with \073 for theirs.

-- The role. Roles belong to the cluster: another database of the same server may have created it.
DO E'BEGIN CREATE ROLE opentco_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE\073 EXCEPTION WHEN duplicate_object THEN NULL\073 END'
;
-- Whoever migrates must be able to assume it (a superuser always can, a CREATEROLE owner is granted it).
DO E'BEGIN IF NOT pg_has_role(current_user, ''opentco_app'', ''MEMBER'') THEN EXECUTE format(''GRANT opentco_app TO %I'', current_user)\073 END IF\073 END'
;

GRANT USAGE ON SCHEMA public TO opentco_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO opentco_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO opentco_app;
-- Prisma's own bookkeeping is not the app's (absent in the shadow database migrate diff builds).
DO E'BEGIN IF to_regclass(''"_prisma_migrations"'') IS NOT NULL THEN REVOKE ALL ON "_prisma_migrations" FROM opentco_app\073 END IF\073 END'
;
-- Append-only for the app: revisions are immutable and the audit trail is not edited. Both still go
-- with their organisation or scenario (foreign-key cascades run as the table owner).
REVOKE UPDATE, DELETE ON "ScenarioRevision", "AuditEvent" FROM opentco_app;

ALTER TABLE "Organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Organization" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Scenario" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Scenario" FORCE ROW LEVEL SECURITY;
ALTER TABLE "ScenarioRevision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScenarioRevision" FORCE ROW LEVEL SECURITY;
ALTER TABLE "ShareLink" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ShareLink" FORCE ROW LEVEL SECURITY;

-- Tenant: every row of the organisation named by app.organization_id, for every command.
CREATE POLICY tenant ON "Organization" TO opentco_app
  USING ("id" = current_setting('app.organization_id', true))
  WITH CHECK ("id" = current_setting('app.organization_id', true));
CREATE POLICY tenant ON "Membership" TO opentco_app
  USING ("orgId" = current_setting('app.organization_id', true))
  WITH CHECK ("orgId" = current_setting('app.organization_id', true));
CREATE POLICY tenant ON "Invitation" TO opentco_app
  USING ("orgId" = current_setting('app.organization_id', true))
  WITH CHECK ("orgId" = current_setting('app.organization_id', true));
CREATE POLICY tenant ON "AuditEvent" TO opentco_app
  USING ("orgId" = current_setting('app.organization_id', true))
  WITH CHECK ("orgId" = current_setting('app.organization_id', true));
CREATE POLICY tenant ON "Scenario" TO opentco_app
  USING ("orgId" = current_setting('app.organization_id', true))
  WITH CHECK ("orgId" = current_setting('app.organization_id', true));
CREATE POLICY tenant ON "ScenarioRevision" TO opentco_app
  USING ("orgId" = current_setting('app.organization_id', true))
  WITH CHECK ("orgId" = current_setting('app.organization_id', true));
CREATE POLICY tenant ON "ShareLink" TO opentco_app
  USING ("orgId" = current_setting('app.organization_id', true))
  WITH CHECK ("orgId" = current_setting('app.organization_id', true));

-- User: the signed-in user's own memberships, the organisations they belong to (name and slug for
-- the switcher and the slug lookup), and their sign-in events recorded in each of them.
CREATE POLICY user_memberships ON "Membership" FOR SELECT TO opentco_app
  USING ("userId" = current_setting('app.user_id', true));
CREATE POLICY user_organizations ON "Organization" FOR SELECT TO opentco_app
  USING ("id" IN (SELECT m."orgId" FROM "Membership" m WHERE m."userId" = current_setting('app.user_id', true)));
CREATE POLICY user_sign_in_events ON "AuditEvent" FOR INSERT TO opentco_app
  WITH CHECK (
    "action" IN ('auth.login', 'auth.logout', 'auth.locked_out')
    AND ("actorUserId" IS NULL OR "actorUserId" = current_setting('app.user_id', true))
    AND "orgId" IN (SELECT m."orgId" FROM "Membership" m WHERE m."userId" = current_setting('app.user_id', true))
  );

-- Share link: the live link named by its token hash or id, and nothing of its organisation but the
-- name, its view count, its two audit events, and the one revision it shows.
CREATE POLICY share_link ON "ShareLink" FOR SELECT TO opentco_app
  USING (
    ("id" = current_setting('app.share_link_id', true) OR "tokenHash" = current_setting('app.share_token_hash', true))
    AND "revokedAt" IS NULL AND "expiresAt" > (now() AT TIME ZONE 'UTC')
  );
CREATE POLICY share_link_view ON "ShareLink" FOR UPDATE TO opentco_app
  USING ("id" = current_setting('app.share_link_id', true) AND "revokedAt" IS NULL AND "expiresAt" > (now() AT TIME ZONE 'UTC'))
  WITH CHECK ("id" = current_setting('app.share_link_id', true) AND "revokedAt" IS NULL AND "expiresAt" > (now() AT TIME ZONE 'UTC'));
CREATE POLICY share_organization ON "Organization" FOR SELECT TO opentco_app
  USING ("id" IN (
    SELECT l."orgId" FROM "ShareLink" l
    WHERE l."id" = current_setting('app.share_link_id', true) OR l."tokenHash" = current_setting('app.share_token_hash', true)
  ));
-- A following link shows its scenario's latest revision, which is read from the scenario row.
CREATE POLICY share_scenario ON "Scenario" FOR SELECT TO opentco_app
  USING ("id" IN (SELECT l."scenarioId" FROM "ShareLink" l WHERE l."id" = current_setting('app.share_link_id', true) AND l."followLatest"));
CREATE POLICY share_revision ON "ScenarioRevision" FOR SELECT TO opentco_app
  USING (EXISTS (
    SELECT 1 FROM "ShareLink" l
    WHERE l."id" = current_setting('app.share_link_id', true)
      AND l."orgId" = "ScenarioRevision"."orgId" AND l."scenarioId" = "ScenarioRevision"."scenarioId"
      AND CASE WHEN l."followLatest"
        THEN "ScenarioRevision"."number" = (SELECT s."latestRevisionNumber" FROM "Scenario" s WHERE s."id" = l."scenarioId")
          OR "ScenarioRevision"."fingerprint" = current_setting('app.share_fingerprint', true)
        ELSE "ScenarioRevision"."number" = l."revisionNumber"
      END
  ));
CREATE POLICY share_events ON "AuditEvent" FOR INSERT TO opentco_app
  WITH CHECK (
    "action" IN ('share.viewed', 'share.copied') AND "actorUserId" IS NULL
    AND "orgId" IN (SELECT l."orgId" FROM "ShareLink" l WHERE l."id" = current_setting('app.share_link_id', true))
  );

-- Invitation link: that invitation (read, and accepted by the user in app.user_id), its
-- organisation's name and slug, and joining it with the invited role.
CREATE POLICY invitation_token ON "Invitation" FOR SELECT TO opentco_app
  USING ("tokenHash" = current_setting('app.invitation_token_hash', true));
CREATE POLICY invitation_accept ON "Invitation" FOR UPDATE TO opentco_app
  USING ("tokenHash" = current_setting('app.invitation_token_hash', true))
  WITH CHECK ("tokenHash" = current_setting('app.invitation_token_hash', true) AND "acceptedByUserId" = current_setting('app.user_id', true));
CREATE POLICY invitation_organization ON "Organization" FOR SELECT TO opentco_app
  USING ("id" IN (SELECT i."orgId" FROM "Invitation" i WHERE i."tokenHash" = current_setting('app.invitation_token_hash', true)));
CREATE POLICY invitation_membership ON "Membership" FOR INSERT TO opentco_app
  WITH CHECK (
    "userId" = current_setting('app.user_id', true)
    AND EXISTS (
      SELECT 1 FROM "Invitation" i
      WHERE i."tokenHash" = current_setting('app.invitation_token_hash', true)
        AND i."orgId" = "Membership"."orgId" AND i."role" = "Membership"."role" AND i."acceptedByUserId" = "Membership"."userId"
    )
  );
CREATE POLICY invitation_joined_event ON "AuditEvent" FOR INSERT TO opentco_app
  WITH CHECK (
    "action" = 'member.joined' AND "actorUserId" = current_setting('app.user_id', true)
    AND "orgId" IN (
      SELECT i."orgId" FROM "Invitation" i
      WHERE i."tokenHash" = current_setting('app.invitation_token_hash', true) AND i."acceptedByUserId" = current_setting('app.user_id', true)
    )
  );
