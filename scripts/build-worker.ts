/**
 * Bundles the sensitivity worker (app/workers/monte-carlo.worker.ts) for the browser: the classic
 * Remix compiler does not bundle Web Workers. Uses the esbuild that ships with @remix-run/dev, so no
 * new dependency. Runs after `remix build`, which empties public/build.
 *
 *   tsx scripts/build-worker.ts           → public/build/workers/monte-carlo.js (minified ESM)
 *   tsx scripts/build-worker.ts --watch   → rebuilds on change, for `npm run dev`
 *
 * Prints the bundle size (raw and gzipped).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}public/build/workers/monte-carlo.js`;
const watch = process.argv.includes("--watch");

const options: esbuild.BuildOptions = {
  entryPoints: [`${root}app/workers/monte-carlo.worker.ts`],
  outfile,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: !watch,
  sourcemap: watch ? "inline" : false,
  alias: { "~": `${root}app` },
  legalComments: "none",
  logLevel: "warning",
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  process.stdout.write(`worker: watching, writing ${outfile}\n`);
} else {
  await esbuild.build(options);
  const bytes = readFileSync(outfile);
  process.stdout.write(`worker: ${outfile} ${(bytes.length / 1024).toFixed(0)} KB, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzipped\n`);
}
