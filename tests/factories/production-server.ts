/**
 * The production build served exactly as `npm start` serves it (SERVER_NODE_ARGS: the app's own
 * server, docs/decisions/014-app-server.md), on a free port, with its whole output collected: for
 * tests that read what the real server writes and answers.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { buildIfStale, SERVER_NODE_ARGS } from "../../scripts/lib/app.ts";
import { portAnswers, sleep } from "../../scripts/lib/net.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";

export interface ProductionServer {
  baseUrl: string;
  port: number;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** The server process, for tests that signal it. */
  process: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Builds when the sources changed, then starts the server with `env` added; resolves once it listens.
 * `detached` gives it a process group of its own, for tests that signal the group as Ctrl-C does.
 */
export async function startProductionServer(env: Record<string, string> = {}, { detached = false }: { detached?: boolean } = {}): Promise<ProductionServer> {
  await buildIfStale();
  const port = await freePort();
  const server: ChildProcessWithoutNullStreams = spawn("node", SERVER_NODE_ARGS, {
    cwd: projectRoot,
    detached,
    // Kept pages are checked against a fresh render whenever one is served (server/kept-pages.ts).
    env: { ...process.env, KEPT_PAGES: "verify", ...env, NODE_ENV: "production", PORT: String(port) },
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; !(await portAnswers(port)); waited += 100) {
    if (waited > 60_000 || server.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await sleep(100);
  }
  return {
    baseUrl: `http://localhost:${port}`,
    port,
    output: () => output,
    process: server,
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
      if (server.exitCode === null) server.kill("SIGKILL");
    },
  };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP request from a chosen loopback address (`from`, e.g. "127.0.0.2"): the server sees it as
 * another client. fetch cannot pick its source address.
 */
export function requestFrom(server: Pick<ProductionServer, "port">, from: string, path: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, localAddress: from, path, method, headers: { Host: `localhost:${server.port}`, ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.once("error", reject);
    req.end(body);
  });
}
