/**
 * Prisma CLI configuration: the Wasm ("js") schema engine talks to Postgres through adapter-pg, so no
 * native engine is ever downloaded. Two adapter-pg 6.19.3 defects are worked around here, for the CLI
 * only (the runtime client in app/db.server.ts does not need them). See
 * docs/decisions/002-prisma-js-engine.md.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { defineConfig } from "prisma/config";

/**
 * Catalog-only column types (oid → replacement oid) that adapter-pg cannot deserialise
 * (prisma/prisma#27403): "char", name, int2vector, regproc, oidvector, pg_node_tree, aclitem,
 * regclass, regtype become text (25); their arrays become text[] (1009).
 */
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const CATALOG_OID_REPLACEMENTS = new Map<number, number>([
  [18, TEXT_OID],
  [19, TEXT_OID],
  [22, TEXT_OID],
  [24, TEXT_OID],
  [30, TEXT_OID],
  [194, TEXT_OID],
  [1033, TEXT_OID],
  [2205, TEXT_OID],
  [2206, TEXT_OID],
  [1002, TEXT_ARRAY_OID],
  [1003, TEXT_ARRAY_OID],
  [1006, TEXT_ARRAY_OID],
  [1008, TEXT_ARRAY_OID],
  [1013, TEXT_ARRAY_OID],
  [1034, TEXT_ARRAY_OID],
  [2210, TEXT_ARRAY_OID],
  [2211, TEXT_ARRAY_OID],
]);

// pg's TypeId union lists scalar oids only; 1009 (text[]) is registered all the same.
const parseTextArray = (pg.types.getTypeParser as (oid: number, format: "text") => (value: string) => string[])(
  TEXT_ARRAY_OID,
  "text",
);

type QueryResultLike = { fields?: pg.FieldDef[]; rows?: unknown[] };

function rewriteCatalogColumns<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as QueryResultLike;
  if (!Array.isArray(fields)) return result;
  fields.forEach((field, column) => {
    const replacement = CATALOG_OID_REPLACEMENTS.get(field.dataTypeID);
    if (replacement === undefined) return;
    field.dataTypeID = replacement;
    // pg has no parser for most catalog arrays and hands back the raw "{a,b}" literal.
    if (replacement !== TEXT_ARRAY_OID || !Array.isArray(rows)) return;
    for (const row of rows) {
      if (Array.isArray(row) && typeof row[column] === "string") row[column] = parseTextArray(row[column]);
    }
  });
  return result;
}

/** pg.Client whose results never carry a catalog-only column type. */
class CatalogSafeClient extends pg.Client {
  // pg.Client#query has a dozen overloads; this override forwards every one of them unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last: unknown = args[args.length - 1];
    if (typeof last === "function") {
      // The pool calls client.query(config, values, callback).
      args[args.length - 1] = (error: unknown, result: unknown) =>
        (last as (error: unknown, result: unknown) => void)(error, error ? result : rewriteCatalogColumns(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned instanceof Promise) return returned.then(rewriteCatalogColumns);
    return returned;
  }
}

function getPoolConfig(database?: string): pg.PoolConfig {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // Discrete fields, not a connectionString: adapter-pg's shadow pool spreads this config and a
  // connectionString would override its database name.
  const { host, port, user, password, database: mainDatabase, ssl } = parseIntoClientConfig(url);
  return {
    host,
    port,
    user,
    password,
    ssl,
    database: database ?? mainDatabase,
    Client: CatalogSafeClient,
    // Idle pooled clients would otherwise keep every migrate command alive for ~10 s after it is done.
    allowExitOnIdle: true,
  };
}

/** Creates the shadow database itself so that it can close the shadow pool before dropping it. */
class MigrationPg extends PrismaPg {
  override async connectToShadowDb(): ReturnType<PrismaPg["connectToShadowDb"]> {
    const admin = new pg.Pool({ ...getPoolConfig(), max: 1 });
    const shadowName = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    const shadow = await new PrismaPg(getPoolConfig(shadowName)).connect();
    const closeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      try {
        await closeShadowPool();
        await admin.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new MigrationPg(getPoolConfig()),
});
