/**
 * Crashes during saves (issue 13): the production server (`node build/server.js build/index.js`, as
 * `npm start` runs it) is killed with SIGKILL at a random moment while three writers save the same
 * scenario through HTTP, 100 times in the full evidence tier (20 in CI's quick tier, tests/evidence.ts). After each kill the database must hold every save the server
 * acknowledged (a 200 the writer received, naming its revision number), and nothing half-written:
 * the scenario's head points at its newest revision, the revisions are numbered 1…head without a gap,
 * and each stored revision is whole (its inputs match its fingerprint, its result decodes and agrees
 * with its headline columns). The next server is started while the current one is still being
 * written to, so a restart costs little of the test's time.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomInt } from "node:crypto";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSession } from "~/auth/session.server.ts";
import { summarizeHeadline } from "~/reports/headline.ts";
import { stringifyCanonicalJson } from "~/scenarios/canonical.ts";
import type { StoredResult } from "~/scenarios/stored-result.ts";
import { buildIfStale, SERVER_NODE_ARGS } from "../../scripts/lib/app.ts";
import { portAnswers, sleep } from "../../scripts/lib/net.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { EVIDENCE } from "../evidence.ts";
import { prisma } from "../factories/db.ts";
import { createTestOrganization } from "../factories/index.ts";
import { freePort } from "../factories/production-server.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const CYCLES = EVIDENCE.crashCycles;
const WRITERS = 3;
/** The kill comes at a random moment up to this long after the cycle's first acknowledged save. */
const KILL_WITHIN_MS = 500;
/** Servers started ahead of the one being written to. */
const SERVERS_AHEAD = 2;

const example = readExample("four-options-60-months");
/** One API option over 12 months: a save computes in a few milliseconds. */
const small = { ...example, horizonMonths: 12, options: example.options.slice(0, 1), sensitivity: { tornado: [] } };

type Server = { port: number; child: ChildProcess; ready: Promise<void>; exited: Promise<void>; output: () => string };

const started: Server[] = [];

/**
 * Starts a server and, once it listens, warms it with a save of another scenario (modules, database
 * pool, the engine's compiled code), so the crashes hit saves at their usual speed.
 */
function launch(port: number): Server {
  const child = spawn("node", SERVER_NODE_ARGS, {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: process.env.DATABASE_URL ?? "" },
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = (async () => {
    for (let waited = 0; !(await portAnswers(port)); waited += 25) {
      if (waited > 60_000 || child.exitCode !== null) throw new Error(`server on ${port} did not start:\n${output}`);
      await sleep(25);
    }
    const { latestRevisionNumber } = await prisma.scenario.findUniqueOrThrow({ where: { id: warmUpScenarioId }, select: { latestRevisionNumber: true } });
    // Another server warming up at the same time may have saved first: a conflict warms it as well.
    const answer = await postSave(port, warmUpPath, cookie, latestRevisionNumber, `Warm-up on port ${port}`);
    if (answer.status !== 200 && answer.status !== 409) throw new Error(`the warm-up save answered ${answer.status}`);
  })();
  // A server killed before its turn has nothing to report.
  ready.catch(() => undefined);
  const server = { port, child, ready, exited, output: () => output };
  started.push(server);
  return server;
}

type Answer = { status: number; body: string };

/** One save through the scenario page's single-fetch action endpoint; rejects when the connection dies. */
function postSave(port: number, path: string, cookie: string, baseRevision: number, name: string): Promise<Answer> {
  const body = new URLSearchParams({ intent: "save", baseRevision: String(baseRevision), inputs: JSON.stringify({ ...small, name }) }).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        agent: false,
        headers: { Host: `localhost:${port}`, Origin: `http://localhost:${port}`, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.once("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.once("error", reject);
      },
    );
    request.once("error", reject);
    request.end(body);
  });
}

let scenarioId: string;
let cookie: string;
let savePath: string;
let warmUpScenarioId: string;
let warmUpPath: string;

beforeAll(async () => {
  await buildIfStale();
  const org = await createTestOrganization({ name: "Crash saves" });
  [scenarioId, warmUpScenarioId] = await Promise.all([createTestScenario(org, { ...small, name: "Before the first crash" }), createTestScenario(org, { ...small, name: "Warm-up" })]);
  warmUpPath = `/o/${org.slug}/scenarios/${warmUpScenarioId}.data?index`;
  cookie = (await createSession(org.owner.id)).split(";")[0] ?? "";
  savePath = `/o/${org.slug}/scenarios/${scenarioId}.data?index`;
}, 240_000);

afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await Promise.all(started.map((server) => server.exited));
});

/** What is wrong with the revisions numbered above `checkedUpTo`, and with the scenario's head. */
async function inspect(checkedUpTo: number): Promise<{ problems: string[]; head: number }> {
  const problems: string[] = [];
  const [scenario, count, fresh] = await Promise.all([
    prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { latestRevisionNumber: true, name: true } }),
    prisma.scenarioRevision.count({ where: { scenarioId } }),
    prisma.scenarioRevision.findMany({ where: { scenarioId, number: { gt: checkedUpTo } }, orderBy: { number: "asc" } }),
  ]);
  const head = scenario.latestRevisionNumber;
  // Numbers are unique per scenario and start at 1: as many rows as the head number means no gap.
  if (count !== head) problems.push(`${count} revisions stored, head says ${head}`);
  if (fresh.at(-1)?.number !== head && head > checkedUpTo) problems.push(`the head ${head} is not the newest revision (${fresh.at(-1)?.number})`);
  for (const revision of fresh) {
    const inputs = revision.inputs as { name?: unknown };
    if (createHash("sha256").update(stringifyCanonicalJson(revision.inputs)).digest("hex") !== revision.fingerprint) problems.push(`revision ${revision.number}: inputs do not match the fingerprint`);
    try {
      const result = JSON.parse(gunzipSync(revision.result).toString("utf8")) as StoredResult;
      const headline = summarizeHeadline(result.scenario);
      if ((headline.cheapest?.cashTotal ?? null) !== revision.headlineCashTotal || result.scenario.name !== inputs.name) problems.push(`revision ${revision.number}: the result disagrees with its row`);
    } catch (error) {
      problems.push(`revision ${revision.number}: the result does not decode (${String(error)})`);
    }
    if (revision.number === head && inputs.name !== scenario.name) problems.push(`the scenario is named "${scenario.name}", its head revision "${String(inputs.name)}"`);
  }
  return { problems, head };
}

it(`keeps every acknowledged save and nothing half-written through ${CYCLES} kill -9s of the server during saves`, async () => {
  const startedAt = Date.now();
  const acknowledged: { number: number; name: string }[] = [];
  const problems: string[] = [];
  let checkedUpTo = 0;
  let cutOff = 0;
  const queue: Server[] = [];
  for (let i = 0; i < SERVERS_AHEAD; i++) queue.push(launch(await freePort()));

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const server = queue.shift();
    if (!server) throw new Error("no server queued");
    queue.push(launch(await freePort()));
    await server.ready;

    let latest = (await prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { latestRevisionNumber: true } })).latestRevisionNumber;
    let killed = false;
    let firstAcknowledged: () => void = () => undefined;
    const acknowledgedOnce = new Promise<void>((resolve) => (firstAcknowledged = resolve));
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let save = 0; !killed; save++) {
        const base = latest;
        const name = `Cycle ${cycle} writer ${writer} save ${save}`;
        let answer: Answer;
        try {
          answer = await postSave(server.port, savePath, cookie, base, name);
        } catch {
          cutOff++;
          return;
        }
        if (answer.status === 200) {
          const number = Number(/"saved",(\d+)\]\s*$/.exec(answer.body)?.[1]);
          if (number !== base + 1) problems.push(`cycle ${cycle}: a save on ${base} answered ${answer.body}`);
          acknowledged.push({ number, name });
          firstAcknowledged();
          latest = Math.max(latest, number);
        } else if (answer.status === 409) {
          // Another writer got there first: start again from what is stored now.
          latest = (await prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { latestRevisionNumber: true } })).latestRevisionNumber;
        } else {
          problems.push(`cycle ${cycle}: a save answered ${answer.status} ${answer.body.slice(0, 200)}`);
          return;
        }
      }
    });
    await acknowledgedOnce;
    await sleep(randomInt(0, KILL_WITHIN_MS));
    killed = true;
    server.child.kill("SIGKILL");
    await Promise.all([server.exited, ...writers]);

    const inspection = await inspect(checkedUpTo);
    problems.push(...inspection.problems.map((problem) => `cycle ${cycle}: ${problem}`));
    checkedUpTo = inspection.head;
    if (problems.length > 0) break;
  }

  // Every acknowledged save is stored under the number it was acknowledged with.
  const stored = new Map(
    (await prisma.scenarioRevision.findMany({ where: { scenarioId }, select: { number: true, inputs: true } })).map((revision) => [revision.number, (revision.inputs as { name?: unknown }).name]),
  );
  const lost = acknowledged.filter(({ number, name }) => stored.get(number) !== name);
  expect(problems).toEqual([]);
  expect(lost).toEqual([]);
  // The kills came during saves: most cut requests off (each cycle has at least one acknowledged save).
  expect(cutOff).toBeGreaterThan(CYCLES / 2);
  const unacknowledged = stored.size - 1 - acknowledged.length;
  console.log(
    `crash saves: ${CYCLES} kills in ${((Date.now() - startedAt) / 1000).toFixed(1)} s, ${acknowledged.length} saves acknowledged and kept, ` +
      `${cutOff} requests cut off, of which ${unacknowledged} committed before their answer was lost`,
  );
}, 900_000);
