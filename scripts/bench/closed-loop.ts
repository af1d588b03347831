/**
 * A closed-loop HTTP load generator: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer has been read to its end, for `durationMs`. The latency of a
 * request is from sending it to its last byte; requests/s is answers over the measured wall time.
 */
import http from "node:http";

export interface LoadRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadAnswer {
  status: number;
  bytes: number;
}

export interface LoadRun {
  latenciesMs: number[];
  seconds: number;
  /** Answers by status code. */
  statuses: Map<number, number>;
  /** Body bytes as sent over the wire (compressed when the server compressed). */
  bytes: number;
}

export interface LoadOptions {
  port: number;
  connections: number;
  durationMs: number;
  /** The request connection `connection` (0-based) sends next; `onAnswer` sees each answer. */
  next(connection: number): LoadRequest;
  onAnswer?(connection: number, answer: LoadAnswer): void;
}

/** What a browser asks for: the server compresses as it would for one. */
const BROWSER_HEADERS = { "Accept-Encoding": "gzip, deflate, br", Accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

function send(agent: http.Agent, port: number, request: LoadRequest): Promise<LoadAnswer> {
  const headers: Record<string, string | number> = { Host: `localhost:${port}`, ...BROWSER_HEADERS, ...request.headers };
  if (request.body !== undefined) headers["Content-Length"] = Buffer.byteLength(request.body);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: request.path, method: request.method ?? "GET", headers, agent }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.once("error", reject);
    });
    req.once("error", reject);
    req.end(request.body);
  });
}

export async function runClosedLoop({ port, connections, durationMs, next, onAnswer }: LoadOptions): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  const started = performance.now();
  const until = started + durationMs;
  const loop = async (connection: number) => {
    while (performance.now() < until) {
      const sentAt = performance.now();
      const answer = await send(agent, port, next(connection));
      latenciesMs.push(performance.now() - sentAt);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      bytes += answer.bytes;
      onAnswer?.(connection, answer);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, (_, connection) => loop(connection)));
  } finally {
    agent.destroy();
  }
  return { latenciesMs, seconds: (performance.now() - started) / 1000, statuses, bytes };
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** `bench <name> p50_ms=… p95_ms=… p99_ms=… rps=… requests=… connections=… …extra`. */
export function formatLoadRun(name: string, run: LoadRun, extra: Record<string, string | number> = {}): string {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  const pairs: Record<string, string | number> = {
    p50_ms: percentile(sorted, 0.5).toFixed(1),
    p95_ms: percentile(sorted, 0.95).toFixed(1),
    p99_ms: percentile(sorted, 0.99).toFixed(1),
    rps: (sorted.length / run.seconds).toFixed(1),
    requests: sorted.length,
    ...extra,
  };
  return `bench ${name} ${Object.entries(pairs).map(([key, value]) => `${key}=${value}`).join(" ")}`;
}
