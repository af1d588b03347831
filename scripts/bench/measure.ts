/** A benchmark: `run` is timed `runs` times after `warmup` untimed calls. */
export interface Benchmark {
  name: string;
  warmup: number;
  runs: number;
  run: () => void;
  /** Extra key=value pairs computed from this benchmark's timings (e.g. a ratio to another line). */
  extra?: (medians: ReadonlyMap<string, number>) => Record<string, string>;
}

export interface Measurement {
  name: string;
  medianMs: number;
  p95Ms: number;
  /** Median CPU time of this process per run (user + system, all its threads): less sensitive than wall
   * time to other processes sharing the machine's two cores. */
  cpuMedianMs: number;
  runs: number;
}

function percentile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

/** A line for timings taken outside this process (a browser, an HTTP round trip): no CPU time. */
export function formatTimings(name: string, timesMs: readonly number[]): string {
  const sorted = [...timesMs].sort((a, b) => a - b);
  return `bench ${name} median_ms=${percentile(sorted, 0.5).toFixed(3)} p95_ms=${percentile(sorted, 0.95).toFixed(3)} runs=${sorted.length}`;
}

export function measure(benchmark: Benchmark): Measurement {
  for (let i = 0; i < benchmark.warmup; i++) benchmark.run();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < benchmark.runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    benchmark.run();
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return { name: benchmark.name, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), cpuMedianMs: percentile(cpuTimes, 0.5), runs: benchmark.runs };
}

/** One line per benchmark: `bench <name> key=value …`. */
export function formatMeasurement(measurement: Measurement, extra: Record<string, string> = {}): string {
  const pairs = {
    median_ms: measurement.medianMs.toFixed(3),
    p95_ms: measurement.p95Ms.toFixed(3),
    cpu_median_ms: measurement.cpuMedianMs.toFixed(3),
    runs: String(measurement.runs),
    ...extra,
  };
  return `bench ${measurement.name} ${Object.entries(pairs).map(([key, value]) => `${key}=${value}`).join(" ")}`;
}
