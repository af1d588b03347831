/**
 * Child processes for the run and test scripts: output streamed to the terminal, exit codes
 * returned, and SIGINT/SIGTERM passed on so that a Ctrl-C (or Playwright's SIGTERM) stops the
 * children first and lets the caller stop its database afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { projectRoot } from "./paths.ts";

const children = new Set<ChildProcess>();
let receivedSignal: NodeJS.Signals | undefined;

/**
 * Installs SIGINT/SIGTERM handlers that pass the signal on to every running child instead of
 * killing this process, so the caller's cleanup (finally blocks) still runs.
 */
export function forwardSignalsToChildren(): void {
  for (const name of ["SIGINT", "SIGTERM"] as const) {
    process.on(name, () => {
      receivedSignal ??= name;
      for (const child of children) child.kill(name);
    });
  }
}

/** The first SIGINT/SIGTERM received since forwardSignalsToChildren(), if any. */
export function signalReceived(): NodeJS.Signals | undefined {
  return receivedSignal;
}

/** Shell-style exit code: the child's code, or 128 + the number of the signal that ended it. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + constants.signals[signal] : 1;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** After a forwarded signal, SIGKILL the child if it has not exited within this many ms. */
  killAfterMs?: number;
  /** Lines of the child's output (stdout or stderr) that are not passed on: known noise. */
  dropLines?: RegExp;
}

/** Runs a command from the project root with inherited stdio; resolves with its exit code. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  const { dropLines } = options;
  const child = spawn(command, args, { cwd: projectRoot, stdio: dropLines ? ["inherit", "pipe", "pipe"] : "inherit", env: options.env ?? process.env });
  if (dropLines) {
    passLinesOn(child.stdout, process.stdout, dropLines);
    passLinesOn(child.stderr, process.stderr, dropLines);
  }
  return track(command, child, options.killAfterMs);
}

/**
 * Runs a command with its output captured rather than shown: for steps whose chatter helps nobody
 * when they succeed (a build, migrations). Resolves with the exit code and the output, stdout and
 * stderr interleaved as written, for the caller to show when the step failed.
 */
export async function runCaptured(command: string, args: string[], options: RunOptions = {}): Promise<{ code: number; output: string }> {
  const child = spawn(command, args, { cwd: projectRoot, stdio: ["inherit", "pipe", "pipe"], env: options.env ?? process.env });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await track(command, child, options.killAfterMs);
  return { code, output };
}

/** Like runCaptured(), but a failure (or a signal received meanwhile) throws with the output. */
export async function runCapturedOrThrow(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  const { code, output } = await runCaptured(command, args, options);
  if (code !== 0) throw new Error(`\`${[command, ...args].join(" ")}\` exited with code ${code}:\n${output.trimEnd()}`);
  const signal = signalReceived();
  if (signal) throw new Error(`Stopped by ${signal}.`);
}

/** Copies `from` to `to` line by line, leaving out the lines that match `drop`. */
function passLinesOn(from: NodeJS.ReadableStream | null, to: NodeJS.WritableStream, drop: RegExp): void {
  if (!from) return;
  let pending = "";
  from.setEncoding("utf8");
  from.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (!drop.test(line)) to.write(`${line}\n`);
  });
  from.on("end", () => {
    if (pending !== "" && !drop.test(pending)) to.write(pending);
  });
}

/** Registers the child for signal forwarding; resolves with its exit code once it has exited. */
function track(command: string, child: ChildProcess, killAfterMs: number | undefined): Promise<number> {
  children.add(child);
  let killTimer: NodeJS.Timeout | undefined;
  if (killAfterMs !== undefined) {
    const armKill = () => {
      killTimer ??= setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    };
    process.once("SIGINT", armKill);
    process.once("SIGTERM", armKill);
    child.once("exit", () => {
      process.off("SIGINT", armKill);
      process.off("SIGTERM", armKill);
    });
  }
  return new Promise((resolve) => {
    child.once("error", (error) => {
      children.delete(child);
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    // "close", not "exit": the child's piped output has been read to the end by then.
    child.once("close", (code, signal) => {
      children.delete(child);
      clearTimeout(killTimer);
      resolve(exitCodeOf(code, signal));
    });
  });
}

/** Like run(), but a non-zero exit code (or a signal received meanwhile) throws. */
export async function runOrThrow(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`\`${[command, ...args].join(" ")}\` exited with code ${code}.`);
  const signal = signalReceived();
  if (signal) throw new Error(`Stopped by ${signal}.`);
}
