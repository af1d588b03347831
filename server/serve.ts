/**
 * One server process: imports the Remix build, serves it on `port`, and on SIGTERM or SIGINT drains
 * (server/drain.ts) and exits 0. Runs alone (one process) or as a worker of server/cluster.ts.
 */
import { statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import { createServerApp } from "./app.ts";
import { getTrustedProxyCount } from "./client-address.ts";
import { createDrain } from "./drain.ts";
import { createKeptPages, readKeptPagesMode } from "./kept-pages.ts";
import type { AuthPostCounter } from "./request-guards.ts";

/** What app/entry.server.tsx exports besides the Remix entry points. */
type EntryModule = ServerBuild["entry"]["module"] & { closeResources?: () => Promise<void> };

export interface ServeOptions {
  mode: string;
  port: number;
  host: string | undefined;
  drainTimeoutMs: number;
  /** Absolute path of the Remix server build (build/index.js). */
  buildPath: string;
  /** Prints "[opentco] listening on …" once listening; a cluster's primary says it for all its workers instead. */
  announce: boolean;
  /** Counts log-in posts per address somewhere else than in this process (the cluster's primary). */
  countAuthPosts?: AuthPostCounter;
}

export async function serve({ mode, port, host, drainTimeoutMs, buildPath, announce, countAuthPosts }: ServeOptions): Promise<void> {
  /** The build as of its file's last change: the query busts the import cache after a dev rebuild. */
  async function importBuild(): Promise<{ build: ServerBuild; builtAt: number }> {
    const builtAt = statSync(buildPath).mtimeMs;
    const build = (await import(`${pathToFileURL(buildPath).href}?t=${builtAt}`)) as ServerBuild;
    return { build, builtAt };
  }

  let current = await importBuild();
  installGlobals({ nativeFetch: current.build.future.v3_singleFetch });

  /** In development `remix dev` rebuilds under us: pick up a new build and tell it we did. */
  async function getBuild(): Promise<ServerBuild> {
    if (mode === "development" && statSync(buildPath).mtimeMs !== current.builtAt) {
      current = await importBuild();
      void broadcastDevReady(current.build);
    }
    return current.build;
  }

  const keptPages = createKeptPages(readKeptPagesMode(process.env.KEPT_PAGES, mode));
  const drain = createDrain({
    timeoutMs: drainTimeoutMs,
    closeResources: async () => {
      await Promise.all([(current.build.entry.module as EntryModule).closeResources?.(), keptPages?.close()]);
    },
  });
  const app = createServerApp({
    getBuild,
    build: current.build,
    mode,
    trustedProxies: getTrustedProxyCount(),
    before: [drain.track],
    keptPages,
    ...(countAuthPosts ? { countAuthPosts } : {}),
  });
  const onListen = () => {
    if (announce) console.log(`[opentco] listening on http://${host ?? "localhost"}:${port}`);
    if (mode === "development") void broadcastDevReady(current.build);
  };
  const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // Ctrl-C reaches this process, `npm start` (which passes it on) and, in a cluster, the primary
    // (which passes it on too): the repeats change nothing.
    process.on(signal, () => {
      void drain.stop(server).then(() => process.exit(0));
    });
  }
}
