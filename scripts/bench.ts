/**
 * npm run bench [-- <name-filter>]: one line per benchmark, `bench <name> median_ms=… p95_ms=… runs=…`.
 * Later issues add their benchmarks to BENCHMARKS (a module under scripts/bench/ exporting a list).
 * Then the page benchmarks, through the production build in Chromium (scripts/bench/pages.ts), the PDF
 * (scripts/bench/pdf.ts), the pages and a save under 50 connections (scripts/bench/load.ts), a log-in
 * spray against a signed-in page (scripts/bench/login-spray.ts) and what row-level security costs a
 * scenario read and a save (scripts/bench/rls.ts).
 */
import { ENGINE_BENCHMARKS } from "./bench/engine.ts";
import { runLoadBenchmarks } from "./bench/load.ts";
import { runLoginSprayBenchmark } from "./bench/login-spray.ts";
import { formatMeasurement, measure, type Benchmark } from "./bench/measure.ts";
import { runPageBenchmarks } from "./bench/pages.ts";
import { runPdfBenchmarks } from "./bench/pdf.ts";
import { runRlsBenchmarks } from "./bench/rls.ts";

const BENCHMARKS: Benchmark[] = [...ENGINE_BENCHMARKS];

const filter = process.argv[2];
const medians = new Map<string, number>();
for (const benchmark of BENCHMARKS) {
  if (filter !== undefined && !benchmark.name.includes(filter)) continue;
  const measurement = measure(benchmark);
  medians.set(benchmark.name, measurement.medianMs);
  process.stdout.write(`${formatMeasurement(measurement, benchmark.extra?.(medians))}\n`);
}

await runPageBenchmarks(filter);
await runLoadBenchmarks(filter);
await runPdfBenchmarks(filter);
await runLoginSprayBenchmark(filter);
await runRlsBenchmarks(filter);
