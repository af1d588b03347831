/**
 * The production server (docs/decisions/014-app-server.md): `node build/server.js [build/index.js]`,
 * bundled from this file by scripts/build-server.ts; `npm run dev` runs it through tsx. Listens on
 * PORT (default 3000), HOST if set; SIGTERM or SIGINT drain it (server/drain.ts) and exit 0.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import { createServerApp } from "./app.ts";
import { getTrustedProxyCount } from "./client-address.ts";
import { createDrain, DEFAULT_DRAIN_TIMEOUT_MS } from "./drain.ts";

/** What app/entry.server.tsx exports besides the Remix entry points. */
type EntryModule = ServerBuild["entry"]["module"] & { closeResources?: () => Promise<void> };

const mode = process.env.NODE_ENV ?? "production";
const port = Number(process.env.PORT ?? 3000);
const drainTimeoutMs = Number(process.env.DRAIN_TIMEOUT_MS ?? DEFAULT_DRAIN_TIMEOUT_MS);
const buildPath = path.resolve(process.argv[2] ?? "build/index.js");

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

const drain = createDrain({
  timeoutMs: drainTimeoutMs,
  closeResources: async () => {
    await (current.build.entry.module as EntryModule).closeResources?.();
  },
});
const app = createServerApp({ getBuild, build: current.build, mode, trustedProxies: getTrustedProxyCount(), before: [drain.track] });
const onListen = () => {
  console.log(`[opentco] listening on http://${process.env.HOST ?? "localhost"}:${port}`);
  if (mode === "development") void broadcastDevReady(current.build);
};
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  // Ctrl-C reaches both this process and `npm start`, which passes it on: the second one changes nothing.
  process.on(signal, () => {
    void drain.stop(server).then(() => process.exit(0));
  });
}
