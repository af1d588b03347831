/**
 * The production build served exactly as `npm start` serves it (SERVER_NODE_ARGS: remix-serve with the
 * request-log redaction preload), on a free port, with its whole output collected: for tests that read
 * what the real server writes (tokens kept out of the request log).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import net from "node:net";
import { buildIfStale, SERVER_NODE_ARGS } from "../../scripts/lib/app.ts";
import { portAnswers, sleep } from "../../scripts/lib/net.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";

export interface ProductionServer {
  baseUrl: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Builds when the sources changed, then starts the server with `env` added; resolves once it listens. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<ProductionServer> {
  await buildIfStale();
  const port = await freePort();
  const server: ChildProcessWithoutNullStreams = spawn("node", SERVER_NODE_ARGS, {
    cwd: projectRoot,
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port) },
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
    output: () => output,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      // remix-serve closes its listener on SIGTERM, but the database pool keeps the process alive.
      await Promise.race([exited, sleep(2000)]);
      if (server.exitCode === null) server.kill("SIGKILL");
    },
  };
}
