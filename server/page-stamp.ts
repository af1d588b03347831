/**
 * The one question a kept scenario page asks PostgreSQL (server/kept-pages.ts,
 * docs/decisions/023-kept-pages.md), without Prisma and in one round trip: may this session see the
 * organisation's scenario, and what is the state of every row its page shows?
 *
 * The answer's stamp is a digest of whole rows, so a column added later is covered without a change
 * here: the session's user; their memberships and those organisations (the organisation switcher,
 * the role behind every button); the scenario; its latest revision's id and author; the organisation's
 * newest catalogue version (the editor's choices, "computed with today's catalogue"). Revisions and
 * catalogue versions never change (ADR 007, 021), so their ids stand for their contents.
 *
 * It runs as the app's role under row-level security (ADR 019), like every tenant read: the session
 * gives app.user_id, the membership of the organisation named by the slug gives app.organization_id,
 * and the scenario is then read through the tenant policy. No session, no membership or no scenario
 * leaves a setting empty and the answer `null`.
 */
import type { Pool, PoolClient } from "pg";

export interface StampQuestion {
  /** Hex SHA-256 of the session cookie's token (the Session row's id). */
  tokenHash: string;
  slug: string;
  scenarioId: string;
  now: Date;
  /** A session last seen before this is answered by Remix, which records the visit (ADR 004). */
  seenSince: Date;
}

const PATTERNS: Record<"tokenHash" | "slug" | "scenarioId", RegExp> = {
  tokenHash: /^[0-9a-f]{64}$/,
  slug: /^[a-z0-9-]{1,40}$/,
  scenarioId: /^[a-z0-9]{1,40}$/,
};

/** A Prisma DateTime column (timestamp(3) without time zone, UTC) literal. */
const timestamp = (date: Date) => `'${date.toISOString().slice(0, 23).replace("T", " ")}'::timestamp`;

/**
 * The three statements, prepared once per connection (`createStampAsker`): the row-level policies
 * make every plan large, and planned each time a question took 1.6 ms instead of 0.6 (ADR 023). $1…
 * are, in order, the session's id, now and seenSince; the slug; the scenario's id.
 */
const PREPARE_PAGE_STAMP_SQL = `PREPARE opentco_page_user(text, timestamp, timestamp) AS
SELECT set_config('app.user_id', coalesce((SELECT "userId" FROM "Session" WHERE "id" = $1 AND "revokedAt" IS NULL AND "expiresAt" > $2 AND "lastSeenAt" > $3), ''), true);
PREPARE opentco_page_org(text) AS
SELECT set_config('app.organization_id', coalesce((SELECT m."orgId" FROM "Membership" m JOIN "Organization" o ON o."id" = m."orgId" WHERE o."slug" = $1 AND m."userId" = current_setting('app.user_id')), ''), true);
PREPARE opentco_page_stamp(text) AS
SELECT md5(concat_ws(E'\\n',
    u::text,
    (SELECT string_agg(m::text || o::text, E'\\n' ORDER BY m."id") FROM "Membership" m JOIN "Organization" o ON o."id" = m."orgId" WHERE m."userId" = u."id"),
    s::text,
    r."id",
    coalesce(author."email", '-'),
    (SELECT c."id" FROM "OrganizationCatalogueVersion" c WHERE c."orgId" = s."orgId" ORDER BY c."number" DESC LIMIT 1)
  )) AS "stamp"
FROM "User" u
JOIN "Scenario" s ON s."id" = $1 AND s."orgId" = current_setting('app.organization_id')
JOIN "ScenarioRevision" r ON r."scenarioId" = s."id" AND r."orgId" = s."orgId" AND r."number" = s."latestRevisionNumber"
LEFT JOIN "User" author ON author."id" = r."createdById"
WHERE u."id" = current_setting('app.user_id');`;

/**
 * The prepared statements run with `question`'s values, in one string: one round trip, and one
 * transaction (PostgreSQL runs the statements of one simple Query message as a single transaction),
 * so the settings the first two declare, local to it, hold for the third and end with it. A message
 * with parameters holds one statement, so the values are written in, each first checked against a
 * pattern that admits no quote or backslash.
 */
export function buildStampSql(question: StampQuestion): string {
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    const value = question[name as keyof typeof PATTERNS];
    if (!pattern.test(value)) throw new Error(`page stamp: ${name} does not match ${pattern}`);
  }
  const { tokenHash, slug, scenarioId, now, seenSince } = question;
  return `EXECUTE opentco_page_user('${tokenHash}', ${timestamp(now)}, ${timestamp(seenSince)}); EXECUTE opentco_page_org('${slug}'); EXECUTE opentco_page_stamp('${scenarioId}');`;
}

/** Connections that have the statements prepared. */
const prepared = new WeakSet<PoolClient>();

/** Questions sent together at most, each three statements. */
const MAX_BATCH = 32;

type Waiting = { sql: string; resolve: (stamp: string | null) => void; reject: (error: unknown) => void };

/**
 * Asks the stamp question on `pool`: resolves to the stamp of the page `question` asks for, or null
 * when Remix must answer it (no live session, no access, no scenario).
 *
 * Questions asked in the same turn of the event loop go to PostgreSQL together, as one message: a
 * message costs a write and wakes the database, which on a busy two-core machine cost more than the
 * question itself. Each question declares both settings before its stamp (an unknown session or
 * organisation declares them empty), so one question's settings never answer another's.
 */
export function createStampAsker(pool: Pool): (question: StampQuestion) => Promise<string | null> {
  let waiting: Waiting[] = [];

  async function send(batch: Waiting[]): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      if (!prepared.has(client)) {
        await client.query(PREPARE_PAGE_STAMP_SQL);
        prepared.add(client);
      }
      const results = (await client.query(batch.map(({ sql }) => sql).join("\n"))) as unknown as { rows: { stamp?: string }[] }[];
      client.release();
      batch.forEach(({ resolve }, index) => resolve(results[index * 3 + 2]?.rows[0]?.stamp ?? null));
    } catch (error) {
      // A connection that failed a question is closed, not handed out again.
      client?.release(true);
      for (const { reject } of batch) reject(error);
    }
  }

  function flush(): void {
    const all = waiting;
    waiting = [];
    for (let start = 0; start < all.length; start += MAX_BATCH) void send(all.slice(start, start + MAX_BATCH));
  }

  return (question) =>
    new Promise((resolve, reject) => {
      const sql = buildStampSql(question);
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ sql, resolve, reject });
    });
}
