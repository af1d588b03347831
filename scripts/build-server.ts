/**
 * Bundles the app's own server (server/main.ts, docs/decisions/014-app-server.md) next to the Remix
 * build as build/server.js, which `npm start`, the e2e server, the tests and the bench run. The same
 * esbuild as the Remix compiler; packages stay external (resolved from node_modules at run time).
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}build/server.js`;

await esbuild.build({
  entryPoints: [`${root}server/main.ts`],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  legalComments: "none",
  logLevel: "warning",
});
process.stdout.write(`server: ${outfile} ${(statSync(outfile).size / 1024).toFixed(0)} KB\n`);
