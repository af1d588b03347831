/**
 * How the app connects to PostgreSQL (docs/decisions/019-row-level-security.md): DATABASE_URL, with
 * every connection running as APP_ROLE, which is neither superuser nor BYPASSRLS, from the moment it
 * is opened. Used by the Prisma client (app/db.server.ts) and the server's kept pages
 * (server/kept-pages.ts), which ask one question outside Prisma.
 */
import type { ClientConfig } from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

/** The role the app's connections run as; created by the row_level_security migration. */
export const APP_ROLE = "opentco_app";

/** The pg connection settings for DATABASE_URL as APP_ROLE; throws when DATABASE_URL is not set. */
export function getAppConnectionConfig(): ClientConfig {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the server needs a PostgreSQL URL.");
  // Parsed here rather than passed as connectionString: pg lets the URL's own `options` override the
  // config's, and the role must survive a URL that sets options of its own.
  const config = parseIntoClientConfig(connectionString);
  const options = [config.options, `-c role=${APP_ROLE}`].filter(Boolean).join(" ");
  return { ...config, options };
}
