/**
 * The production server for a page benchmark, started in the background on `port` against
 * `databaseUrl` (extra environment merged in); resolves once the port answers, with a function that
 * kills it.
 */
import { spawn } from "node:child_process";
import { SERVER_NODE_ARGS } from "../lib/app.ts";
import { portAnswers, sleep } from "../lib/net.ts";
import { projectRoot } from "../lib/paths.ts";

export async function startBenchServer(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<() => void> {
  const child = spawn("node", SERVER_NODE_ARGS, {
    cwd: projectRoot,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl, ...extraEnv },
  });
  for (let i = 0; i < 200 && !(await portAnswers(port)); i++) await sleep(100);
  return () => child.kill("SIGKILL");
}
