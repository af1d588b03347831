/**
 * The one Prisma client of the process (Rust-free client on adapter-pg). Only models/*.server.ts and
 * auth/*.server.ts import it; routes may not (lint rule).
 *
 * Row-level security (docs/decisions/019-row-level-security.md): every connection runs as the role
 * APP_ROLE (app/utils/database-connection.server.ts), which is neither superuser nor BYPASSRLS, from
 * the moment it is opened. Tables of an organisation's rows have RLS forced, so a query reaches their
 * rows only inside `withScope`, a transaction that first declares what it may reach: the caller's
 * organisation (`withTenant`), the signed-in user's own memberships, one share link, one invitation
 * link. Outside a scope those tables look empty. `prisma` itself serves the tables that belong to no
 * organisation (users, sessions, the throttles' request logs).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client.ts";
import { getAppConnectionConfig } from "~/utils/database-connection.server.ts";
import { DATABASE_BUSY_MESSAGE, serverBusy } from "~/utils/server-busy.server.ts";

/** `name` from the environment as a whole number of milliseconds, `fallback` when unset. */
function readMilliseconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new Error(`${name}: must be a whole number of milliseconds from 1 to 999999999, not "${raw}"`);
  return Number(raw);
}

/**
 * How long a scope's transaction may wait for a pooled connection, and run, in milliseconds
 * (docs/operations.md). Past either, the request answers 503 with Retry-After (`answerBusy`).
 */
const TRANSACTION_MAX_WAIT_MS = readMilliseconds("DATABASE_TRANSACTION_MAX_WAIT_MS", 10_000);
const TRANSACTION_TIMEOUT_MS = readMilliseconds("DATABASE_TRANSACTION_TIMEOUT_MS", 15_000);

/** The scope `withScope` is running, read when its transaction starts. */
const pendingScope = new AsyncLocalStorage<DataScope>();

const SETTINGS = ["app.organization_id", "app.user_id", "app.share_token_hash", "app.share_link_id", "app.share_fingerprint", "app.invitation_token_hash"] as const;
/** One statement declares all of a scope's settings, each local to the transaction; an absent one is empty. */
const DECLARE_SCOPE_SQL = `SELECT ${SETTINGS.map((name, index) => `set_config('${name}', $${index + 1}, true)`).join(", ")}`;

function scopeValues(scope: DataScope): string[] {
  return [scope.orgId, scope.userId, scope.shareTokenHash, scope.shareLinkId, scope.shareFingerprint, scope.invitationTokenHash].map((value) => value ?? "");
}

/**
 * adapter-pg whose transactions declare the pending scope right after their BEGIN, on the connection
 * itself: a statement through Prisma's query pipeline would cost several times more (ADR 019).
 */
class ScopedPrismaPg extends PrismaPg {
  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    const begin = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await begin(isolationLevel);
      const scope = pendingScope.getStore();
      if (!scope) return transaction;
      try {
        await transaction.executeRaw({ sql: DECLARE_SCOPE_SQL, args: scopeValues(scope), argTypes: SETTINGS.map(() => ({ scalarType: "string", arity: "scalar" })) });
      } catch (error) {
        await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
        await transaction.rollback();
        throw error;
      }
      return transaction;
    };
    return adapter;
  }
}

function createPrismaClient(): PrismaClient {
  return new PrismaClient({
    // allowExitOnIdle: once the HTTP server has closed, idle pooled connections must not keep the process alive.
    adapter: new ScopedPrismaPg({ ...getAppConnectionConfig(), allowExitOnIdle: true }),
    // Every tenant read is a transaction now: under load they queue for a connection, as plain queries did.
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
}

// `remix dev` re-evaluates server modules on every change; keep one pool across reloads.
const globalForPrisma = globalThis as typeof globalThis & { __opentcoPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.__opentcoPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__opentcoPrisma = prisma;

/**
 * What a transaction may reach, each a setting the row-level policies read (the migration lists
 * them). Several may be combined; an absent one matches nothing.
 */
export interface DataScope {
  /** The organisation of the caller's membership: every row of it. */
  orgId?: string;
  /** The signed-in user: their memberships, their organisations' names and slugs, their sign-in events. */
  userId?: string;
  /** A share-link token being opened (its SHA-256): that link while it is live, and its organisation's name. */
  shareTokenHash?: string;
  /** An opened share link: the link, the one revision it shows, and its view events. */
  shareLinkId?: string;
  /** With shareLinkId, of a following link: the scenario's earlier revisions with this fingerprint. */
  shareFingerprint?: string;
  /** An invitation link (its token's SHA-256): the invitation, its organisation's name, and joining it as userId. */
  invitationTokenHash?: string;
}

/** The client a scope's work runs on: the transaction. */
export type Db = Prisma.TransactionClient;

/**
 * Replaces the scope of the transaction `db` midway, for the flows that learn an id inside it (a share
 * token's link, an invitation accepted by the user it has just created).
 */
export async function declareScope(db: Db, scope: DataScope): Promise<void> {
  await db.$executeRawUnsafe(DECLARE_SCOPE_SQL, ...scopeValues(scope));
}

/**
 * Runs `work` in a transaction that reaches what `scope` names and nothing else: the adapter declares
 * it right after BEGIN. Do not nest: the inner call would hold a second connection; pass `db` down.
 */
export function withScope<T>(scope: DataScope, work: (db: Db) => Promise<T>): Promise<T> {
  return pendingScope.run(scope, () => scopedClient().$transaction(work)).catch(answerBusy);
}

/** A transaction on the tables of no organisation (the throttles' request logs), answering overload as `withScope` does. */
export function withTransaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction(work).catch(answerBusy);
}

/**
 * P2028 — no pooled connection within TRANSACTION_MAX_WAIT_MS, or the transaction rolled back after
 * TRANSACTION_TIMEOUT_MS — means the server is overloaded, not that the request was wrong: 503 with
 * Retry-After (app/utils/server-busy.server.ts). Any other error goes on as it was.
 */
function answerBusy(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028") throw serverBusy(DATABASE_BUSY_MESSAGE);
  throw error;
}

/** Runs `work` in a transaction that reaches every row of the organisation `orgId` and nothing else. */
export function withTenant<T>(orgId: string, work: (db: Db) => Promise<T>): Promise<T> {
  return withScope({ orgId }, work);
}

/**
 * Test builds only (NODE_ENV=test with OPENTCO_TEST_WITHOUT_ORG_FILTER=1): the organisation filter
 * the models write into every `where` (`orgId`, and `id` on Organization) is removed before each
 * query runs, so the cross-tenant tests show what row-level security alone refuses
 * (vitest.integration.config.ts, project "rls-only"). `droppedOrgFilters.count` tells the tests it
 * happened.
 */
export const droppedOrgFilters = { count: 0 };

const UNIQUE_WHERE_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "update", "delete", "upsert"]);

function dropOrgFilter(model: string, where: unknown): unknown {
  if (Array.isArray(where)) return where.map((item) => dropOrgFilter(model, item));
  if (typeof where !== "object" || where === null) return where;
  const filterKey = model === "Organization" ? "id" : "orgId";
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === filterKey) droppedOrgFilters.count++;
    else kept[key] = ["AND", "OR", "NOT"].includes(key) ? dropOrgFilter(model, value) : value;
  }
  return kept;
}

let scoped: PrismaClient | undefined;
function scopedClient(): PrismaClient {
  scoped ??=
    process.env.NODE_ENV === "test" && process.env.OPENTCO_TEST_WITHOUT_ORG_FILTER === "1"
      ? // The extension changes arguments, not types: the client keeps PrismaClient's shape.
        (prisma.$extends({
          query: {
            $allModels: {
              $allOperations({ model, operation, args, query }) {
                if (UNIQUE_WHERE_OPERATIONS.has(operation) || !("where" in args)) return query(args);
                return query({ ...args, where: dropOrgFilter(model, args.where) } as typeof args);
              },
            },
          },
        }) as unknown as PrismaClient)
      : prisma;
  return scoped;
}
