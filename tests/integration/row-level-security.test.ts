/**
 * The second wall (docs/decisions/019-row-level-security.md): PostgreSQL row-level security, through
 * the app's own connection (role opentco_app) and the app's own scope mechanism (withScope), with no
 * model in between.
 * - Every table with an organisation id has RLS enabled and forced and only policies keyed on a
 *   declared scope: a tenant table added without them fails here.
 * - With organisation A declared, no row of B is visible, and none can be changed, removed or
 *   written; with nothing declared, no tenant row is visible at all.
 * - A share link's scope reaches its link, its organisation's name and its one revision; a user's,
 *   their own memberships; an invitation's, that invitation.
 */
import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma as appPrisma, withScope, withTenant, type DataScope } from "~/db.server.ts";
import { APP_ROLE } from "~/utils/database-connection.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import { saveCatalogueEntry } from "~/models/organization-catalogue.server.ts";
import { saveRevision } from "~/models/scenario.server.ts";
import { createShareLink, hashShareToken } from "~/models/share-link.server.ts";
import { prisma } from "../factories/db.ts";
import { createTestMember, createTestOrganization, createTestUser, type TestOrganization } from "../factories/index.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const AS_OF = "2026-12-01";
const example = readExample("hybrid-overflow-eur");

/** The EUR hybrid example without Monte Carlo (fast), under another name. */
function inputs(name: string, note = "") {
  const { monteCarlo: _monteCarlo, ...sensitivity } = example.sensitivity;
  return { ...example, name: `${name}${note}`, sensitivity };
}

type TenantTable = { name: string; orgColumn: string };

/** Every table of the public schema holding an organisation's rows: Organization itself and each table with an organisation id. */
async function listTenantTables(): Promise<TenantTable[]> {
  const rows = await prisma.$queryRaw<{ name: string; orgColumn: string }[]>`
    SELECT c.relname::text AS name, CASE WHEN c.relname = 'Organization' THEN 'id' ELSE a.attname::text END AS "orgColumn"
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname IN ('orgId', 'organizationId') AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p') AND (c.relname = 'Organization' OR a.attname IS NOT NULL)
    ORDER BY c.relname`;
  return rows;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The error PostgreSQL raised under a Prisma error, as its SQLSTATE code; undefined if none was raised. */
async function sqlStateOf(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
    const meta = error.meta as { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
    const code = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
    if (typeof code !== "string") throw error;
    return code;
  }
}

/** Rows of `table` the scope sees, by a raw count through the app's connection. */
function countVisible(scope: DataScope, table: TenantTable, where = "TRUE", ...values: unknown[]): Promise<number> {
  return withScope(scope, async (db) => {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${quote(table.name)} WHERE ${where}`, ...values);
    return row?.count ?? 0;
  });
}

/** Changed rows, or the SQLSTATE that refused the statement. */
async function runWrite(scope: DataScope, sql: string, ...values: unknown[]): Promise<number | string> {
  let changed = 0;
  const refused = await sqlStateOf(async () => {
    changed = await withScope(scope, (db) => db.$executeRawUnsafe(sql, ...values));
  });
  return refused ?? changed;
}

let orgA: TestOrganization;
let orgB: TestOrganization;
let tables: TenantTable[];
let pinnedLink: { token: string; linkId: string };
let followingLink: { token: string; linkId: string };
let invitationToken: string;
let scenarioB: string;

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrganization({ name: "RLS A" }), createTestOrganization({ name: "RLS B" })]);
  for (const org of [orgA, orgB]) {
    // Every tenant table gets rows in both: memberships, invitations, audit events, scenarios, revisions, share links, catalogue versions.
    await createTestMember(org, "viewer");
    const entry = { id: "gpu.h100-sxm", kind: "gpus", label: "H100", values: { unitPrice: "30000", powerKw: "0.7" }, sourceNote: `${org.name} contract`, asOf: "2026-09-01" } as const;
    await saveCatalogueEntry({ orgId: org.id, userId: org.owner.id, entry: { ...entry, values: { ...entry.values } } });
    await createInvitation({ orgId: org.id, actor: { userId: org.owner.id, role: "owner" }, role: "editor" });
    const scenarioId = await createTestScenario(org, inputs(`${org.name} scenario`));
    for (const base of [1, 2]) {
      const saved = await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: base, inputs: inputs(`${org.name} scenario`, ` v${base + 1}`), asOf: AS_OF });
      if (!saved?.ok) throw new Error(JSON.stringify(saved));
    }
    const pinned = await createShareLink({ orgId: org.id, userId: org.owner.id, scenarioId, label: "pinned", revisionNumber: 2, followLatest: false, expiresInDays: 30, allowPdf: false });
    const following = await createShareLink({ orgId: org.id, userId: org.owner.id, scenarioId, label: "following", revisionNumber: 3, followLatest: true, expiresInDays: 30, allowPdf: false });
    if (!pinned || !following) throw new Error("share links not created");
    if (org === orgB) {
      pinnedLink = pinned;
      followingLink = following;
      scenarioB = scenarioId;
    }
  }
  tables = await listTenantTables();
  const invitation = await createInvitation({ orgId: orgB.id, actor: { userId: orgB.owner.id, role: "owner" }, role: "viewer", email: "invitee@example.test" });
  invitationToken = invitation.token;
});

describe("the catalogue", () => {
  it("finds Organization and the tables with an organisation id", () => {
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(["AuditEvent", "Invitation", "Membership", "Organization", "OrganizationCatalogueVersion", "Scenario", "ScenarioRevision", "ShareLink"]));
  });

  it("has row-level security enabled and forced on each, with policies for the app's role that all read a declared scope", async () => {
    const state = await prisma.$queryRaw<{ name: string; enabled: boolean; forced: boolean }[]>`
      SELECT c.relname::text AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE c.relname::text = ANY(${tables.map((table) => table.name)})`;
    const policies = await prisma.$queryRaw<{ table: string; name: string; command: string; roles: string[]; using: string | null; check: string | null }[]>`
      SELECT tablename::text AS table, policyname::text AS name, cmd AS command, roles::text[] AS roles, qual AS using, with_check AS check
      FROM pg_policies WHERE schemaname = 'public'`;
    for (const table of tables) {
      expect(state.find((row) => row.name === table.name), table.name).toEqual({ name: table.name, enabled: true, forced: true });
      const own = policies.filter((policy) => policy.table === table.name);
      expect(own.length, `${table.name} has no policy`).toBeGreaterThan(0);
      for (const policy of own) {
        expect(policy.roles, `${table.name}.${policy.name}`).toEqual([APP_ROLE]);
        // A policy such as USING (true) would let every scope, and none, see the whole table.
        for (const expression of [policy.using, policy.check]) {
          if (expression !== null) expect(expression, `${table.name}.${policy.name}`).toMatch(/current_setting\('app\./);
        }
      }
      // The tenant policy: every command, keyed on the organisation's own column both ways.
      const keyedOnOrganization = new RegExp(`^\\(("?)${table.orgColumn}\\1 = current_setting\\('app\\.organization_id'::text, true\\)\\)$`);
      const tenant = own.find((policy) => policy.name === "tenant");
      expect(tenant?.command, `${table.name} has no tenant policy`).toBe("ALL");
      expect(tenant?.using).toMatch(keyedOnOrganization);
      expect(tenant?.check).toMatch(keyedOnOrganization);
    }
  });

  it("connects the app as a role that is neither superuser nor BYPASSRLS, and can leave it only by naming another role", async () => {
    const [row] = await appPrisma.$queryRaw<{ user: string; superuser: boolean; bypassrls: boolean }[]>`
      SELECT current_user::text AS user, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls FROM pg_roles r WHERE r.rolname = current_user`;
    expect(row).toEqual({ user: APP_ROLE, superuser: false, bypassrls: false });
    // RESET ROLE returns to the role given at connection start, not to the login user.
    const [afterReset] = await withScope({}, async (db) => {
      await db.$executeRawUnsafe("RESET ROLE");
      return db.$queryRaw<{ user: string }[]>`SELECT current_user::text AS user`;
    });
    expect(afterReset?.user).toBe(APP_ROLE);
  });
});

describe("organisation A declared", () => {
  it("sees A's rows of every tenant table and none of B's", async () => {
    for (const table of tables) {
      const column = quote(table.orgColumn);
      expect(await prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${quote(table.name)} WHERE ${column} = $1`, orgB.id), `${table.name}: B has rows`).not.toEqual([{ count: 0 }]);
      expect(await countVisible({ orgId: orgA.id }, table, `${column} = $1`, orgA.id), `${table.name}: A's own rows`).toBeGreaterThan(0);
      expect(await countVisible({ orgId: orgA.id }, table, `${column} = $1`, orgB.id), `${table.name}: B's rows`).toBe(0);
      expect(await countVisible({ orgId: orgA.id }, table, `${column} <> $1`, orgA.id), `${table.name}: any other organisation's rows`).toBe(0);
    }
  });

  it("changes, deletes and writes none of B's rows: each statement finds nothing or is refused", async () => {
    for (const table of tables) {
      const name = quote(table.name);
      const column = quote(table.orgColumn);
      const [foreign] = await prisma.$queryRawUnsafe<{ id: string; row: Record<string, unknown> }[]>(`SELECT t.id, to_jsonb(t) AS row FROM ${name} t WHERE ${column} = $1 LIMIT 1`, orgB.id);
      // The setup makes rows of B in every tenant table; a new table needs one there too.
      expect(foreign, `no row of organisation B in ${table.name}: add one to this test's setup`).toBeDefined();
      if (!foreign) continue;
      const before = await prisma.$queryRawUnsafe<unknown[]>(`SELECT to_jsonb(t) FROM ${name} t WHERE ${column} = $1 ORDER BY id`, orgB.id);

      // 0 rows, or 42501 where the app's role may not update or delete at all (revisions, audit events).
      expect([0, "42501"], `${table.name}: update`).toContain(await runWrite({ orgId: orgA.id }, `UPDATE ${name} SET ${column} = ${column} WHERE id = $1`, foreign.id));
      expect([0, "42501"], `${table.name}: delete`).toContain(await runWrite({ orgId: orgA.id }, `DELETE FROM ${name} WHERE ${column} = $1`, orgB.id));
      // A copy of B's row under a new id: the policy refuses it.
      const copy = { ...foreign.row, id: `rls-${randomBytes(8).toString("hex")}` };
      expect(await runWrite({ orgId: orgA.id }, `INSERT INTO ${name} SELECT * FROM jsonb_populate_record(NULL::${name}, $1::jsonb)`, JSON.stringify(copy)), `${table.name}: insert`).toBe("42501");
      // Nor can one of A's rows be moved into B.
      expect(await runWrite({ orgId: orgA.id }, `UPDATE ${name} SET ${column} = $1 WHERE ${column} = $2`, orgB.id, orgA.id), `${table.name}: move`).toBe("42501");

      expect(await prisma.$queryRawUnsafe<unknown[]>(`SELECT to_jsonb(t) FROM ${name} t WHERE ${column} = $1 ORDER BY id`, orgB.id), table.name).toEqual(before);
    }
  });
});

describe("nothing declared", () => {
  it("sees no tenant row at all, outside a transaction or in an empty scope", async () => {
    for (const table of tables) {
      expect(await prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${quote(table.name)}`), table.name).not.toEqual([{ count: 0 }]);
      expect(await appPrisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${quote(table.name)}`), table.name).toEqual([{ count: 0 }]);
      expect(await countVisible({}, table), table.name).toBe(0);
    }
  });

  it("writes into no organisation", async () => {
    const scenario = await runWrite({}, `INSERT INTO "Scenario" ("id", "orgId", "name", "updatedAt", "latestRevisionNumber") VALUES ($1, $2, 'x', now(), 1)`, `rls-${randomBytes(8).toString("hex")}`, orgA.id);
    expect(scenario).toBe("42501");
  });
});

/** What a scope sees of each tenant table, by table name. */
async function visibleCounts(scope: DataScope): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table.name] = await countVisible(scope, table);
  return counts;
}

/** Zero for every tenant table, then the given counts. */
function only(counts: Record<string, number>): Record<string, number> {
  return { ...Object.fromEntries(tables.map((table) => [table.name, 0])), ...counts };
}

describe("a share link's scope", () => {
  it("a pinned link reaches the link, its organisation's name and its one revision: nothing else", async () => {
    expect(await visibleCounts({ shareLinkId: pinnedLink.linkId })).toEqual(only({ ShareLink: 1, Organization: 1, ScenarioRevision: 1 }));
    const [revision] = await withScope({ shareLinkId: pinnedLink.linkId }, (db) => db.$queryRaw<{ number: number }[]>`SELECT "number" FROM "ScenarioRevision"`);
    expect(revision).toEqual({ number: 2 });
  });

  it("a following link reaches the scenario's latest revision, and an earlier one only by its fingerprint", async () => {
    const shown = await withScope({ shareLinkId: followingLink.linkId }, (db) => db.$queryRaw<{ number: number }[]>`SELECT "number" FROM "ScenarioRevision"`);
    expect(shown).toEqual([{ number: 3 }]);
    expect(await visibleCounts({ shareLinkId: followingLink.linkId })).toEqual(only({ ShareLink: 1, Organization: 1, Scenario: 1, ScenarioRevision: 1 }));
    const first = await prisma.scenarioRevision.findFirstOrThrow({ where: { scenarioId: scenarioB, number: 1 }, select: { fingerprint: true } });
    const withFingerprint = await withScope({ shareLinkId: followingLink.linkId, shareFingerprint: first.fingerprint }, (db) => db.$queryRaw<{ number: number }[]>`SELECT "number" FROM "ScenarioRevision" ORDER BY "number"`);
    expect(withFingerprint).toEqual([{ number: 1 }, { number: 3 }]);
    // The fingerprint opens nothing for a pinned link.
    expect(await countVisible({ shareLinkId: pinnedLink.linkId, shareFingerprint: first.fingerprint }, { name: "ScenarioRevision", orgColumn: "orgId" })).toBe(1);
  });

  it("a token's hash reaches its link and organisation name; a revoked or expired link reaches nothing", async () => {
    expect(await visibleCounts({ shareTokenHash: hashShareToken(pinnedLink.token) })).toEqual(only({ ShareLink: 1, Organization: 1 }));
    const link = await createShareLink({ orgId: orgB.id, userId: orgB.owner.id, scenarioId: scenarioB, label: "short-lived", revisionNumber: 1, followLatest: false, expiresInDays: 1, allowPdf: false });
    if (!link) throw new Error("link not created");
    await prisma.shareLink.update({ where: { id: link.linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await visibleCounts({ shareLinkId: link.linkId, shareTokenHash: hashShareToken(link.token) })).toEqual(only({}));
    await prisma.shareLink.update({ where: { id: link.linkId }, data: { expiresAt: new Date(Date.now() + 60_000), revokedAt: new Date() } });
    expect(await visibleCounts({ shareLinkId: link.linkId, shareTokenHash: hashShareToken(link.token) })).toEqual(only({}));
  });

  it("adds only its own view events to its organisation, and cannot read the trail", async () => {
    const insert = (action: string, orgId: string) =>
      runWrite({ shareLinkId: pinnedLink.linkId }, `INSERT INTO "AuditEvent" ("id", "orgId", "action", "target") VALUES ($1, $2, $3, 'probe')`, `rls-${randomBytes(8).toString("hex")}`, orgId, action);
    expect(await insert("share.viewed", orgB.id)).toBe(1);
    expect(await insert("share.viewed", orgA.id)).toBe("42501");
    expect(await insert("member.joined", orgB.id)).toBe("42501");
    await prisma.auditEvent.deleteMany({ where: { target: "probe" } });
  });
});

describe("a user's scope", () => {
  it("reaches the user's own memberships and the names of those organisations, nothing else", async () => {
    const user = await createTestMember(orgA, "editor");
    await prisma.membership.create({ data: { orgId: orgB.id, userId: user.id, role: "viewer" } });
    expect(await visibleCounts({ userId: user.id })).toEqual(only({ Membership: 2, Organization: 2 }));
    expect(await visibleCounts({ userId: (await createTestUser()).id })).toEqual(only({}));
  });
});

describe("an invitation's scope", () => {
  it("reaches the invitation and its organisation's name; only the declared user can accept it and join", async () => {
    const tokenHash = createHash("sha256").update(invitationToken).digest("hex");
    expect(await visibleCounts({ invitationTokenHash: tokenHash })).toEqual(only({ Invitation: 1, Organization: 1 }));
    const [invitee, stranger] = [await createTestUser("invitee"), await createTestUser("stranger")];
    // Accepted in the name of someone other than the declared user: refused.
    expect(await runWrite({ invitationTokenHash: tokenHash, userId: invitee.id }, `UPDATE "Invitation" SET "acceptedAt" = now(), "acceptedByUserId" = $1 WHERE "tokenHash" = $2`, stranger.id, tokenHash)).toBe("42501");
    // Joining without having accepted: refused; with another role than invited: refused.
    const join = (role: string) =>
      `INSERT INTO "Membership" ("id", "orgId", "userId", "role") VALUES ('rls-${randomBytes(8).toString("hex")}', '${orgB.id}', '${invitee.id}', '${role}')`;
    expect(await runWrite({ invitationTokenHash: tokenHash, userId: invitee.id }, join("viewer"))).toBe("42501");
    const accept = `UPDATE "Invitation" SET "acceptedAt" = now(), "acceptedByUserId" = $1 WHERE "tokenHash" = $2`;
    expect(
      await sqlStateOf(() =>
        withScope({ invitationTokenHash: tokenHash, userId: invitee.id }, async (db) => {
          await db.$executeRawUnsafe(accept, invitee.id, tokenHash);
          await db.$executeRawUnsafe(join("owner"));
        }),
      ),
    ).toBe("42501");
    expect(
      await withScope({ invitationTokenHash: tokenHash, userId: invitee.id }, async (db) => {
        await db.$executeRawUnsafe(accept, invitee.id, tokenHash);
        return db.$executeRawUnsafe(join("viewer"));
      }),
    ).toBe(1);
    expect(await prisma.membership.count({ where: { orgId: orgB.id, userId: invitee.id } })).toBe(1);
  });
});

describe("withTenant", () => {
  it("keeps each of many interleaved transactions in its own organisation", async () => {
    const orgs = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? orgA : orgB));
    const seen = await Promise.all(
      orgs.map((org) =>
        withTenant(org.id, async (db) => {
          // Yield between the statements, so the transactions overlap on the pool.
          const before = await db.$queryRaw<{ orgId: string }[]>`SELECT DISTINCT "orgId" FROM "Scenario"`;
          await new Promise((resolve) => setTimeout(resolve, 1));
          const after = await db.scenario.findMany({ select: { orgId: true } });
          return [...before, ...after].map((row) => row.orgId);
        }),
      ),
    );
    expect(seen).toEqual(orgs.map((org) => [org.id, org.id]));
  });

  it("declares the organisation for the transaction only: the next one on the same pool starts with nothing", async () => {
    expect(await withTenant(orgA.id, (db) => db.scenario.count())).toBe(1);
    // A pool of connections: run enough empty scopes that each connection A used is reused.
    const counts = await Promise.all(Array.from({ length: 20 }, () => withScope({}, (db) => db.scenario.count())));
    expect(counts).toEqual(Array.from({ length: 20 }, () => 0));
  });
});
