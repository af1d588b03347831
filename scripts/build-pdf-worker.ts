/**
 * Bundles the PDF worker thread (app/reports/pdf/worker.ts) next to the server build as
 * build/pdf-worker.js, where app/reports/pdf/queue.server.ts starts it. The Remix compiler bundles
 * only the server entry; this is the same esbuild. Packages stay external (resolved from
 * node_modules at run time, like the server build's).
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}build/pdf-worker.js`;

await esbuild.build({
  entryPoints: [`${root}app/reports/pdf/worker.ts`],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  alias: { "~": `${root}app` },
  legalComments: "none",
  logLevel: "warning",
});
process.stdout.write(`pdf worker: ${outfile} ${(statSync(outfile).size / 1024).toFixed(0)} KB\n`);
