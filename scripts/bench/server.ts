/**
 * The production server for a page benchmark, started in the background on `port` against
 * `databaseUrl` (extra environment merged in); resolves once the port answers. Its output is dropped
 * unless BENCH_SERVER_LOG is set (then it goes to this process's stdout and stderr).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { SERVER_NODE_ARGS } from "../lib/app.ts";
import { portAnswers, sleep } from "../lib/net.ts";
import { projectRoot } from "../lib/paths.ts";

export interface BenchServer {
  /** Kills the server (its workers exit with it). */
  stop(): void;
  /**
   * CPU seconds (user + system, all threads) the server and its worker processes have used so far,
   * from /proc; null where there is no /proc. Unlike latency it hardly moves when other work shares
   * the cores.
   */
  cpuSeconds(): number | null;
}

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number {
  // Fields after the parenthesised command name: state is the 1st, utime the 12th, stime the 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function childPids(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

export async function startBenchServer(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const child = spawn("node", SERVER_NODE_ARGS, {
    cwd: projectRoot,
    stdio: process.env.BENCH_SERVER_LOG ? ["ignore", "inherit", "inherit"] : "ignore",
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl, ...extraEnv },
  });
  for (let i = 0; i < 200 && !(await portAnswers(port)); i++) await sleep(100);
  const pid = child.pid;
  return {
    stop: () => void child.kill("SIGKILL"),
    cpuSeconds() {
      if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
      return [pid, ...childPids(pid)].reduce((sum, each) => sum + processCpuSeconds(each), 0);
    },
  };
}
