/**
 * The fuzz loop of one target and the checks after it, shared by the fuzz test files (each file is a
 * worker process of its own, so the targets spread over the machine's cores).
 */
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createSession } from "~/auth/session.server.ts";
import { EVIDENCE } from "../evidence.ts";
import { prisma } from "../factories/db.ts";
import { hashClientAddress } from "~/models/share-link-request.server.ts";
import { parseScenarioDocument } from "~/scenarios/parse-document.ts";
import { findProblem, isBusyAnswer, NON_FINITE, resolvePlan, saysNonFinite, type Resolved } from "./checks.ts";
import { send, type Answer } from "./harness.ts";
import type { Plan, Target } from "./targets.ts";
import { createWorld, type World } from "./world.ts";

/** Where the page checks come from (a share page counts against its address). */
const PAGE_CHECK_ADDRESS = "198.51.100.9";

/** Requests per target: the evidence tier's, or FUZZ_RUNS while developing a target (tests/evidence.ts). */
export const RUNS = EVIDENCE.fuzzRunsPerTarget;

function describeExchange(plan: Plan, resolved: Resolved, answer: Answer): string {
  const clip = (text: string, length = 600) => (text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text);
  const body = resolved.request.body;
  const sentBody =
    body === undefined
      ? ""
      : typeof body === "string"
        ? clip(body)
        : body instanceof FormData
          ? clip(JSON.stringify([...body.entries()].map(([name, value]) => [name, typeof value === "string" ? clip(value, 200) : `File ${value.name} (${value.size} B)`])))
          : `${body.byteLength} bytes`;
  return [
    `${resolved.request.method} ${clip(resolved.request.url, 300)} as ${plan.actor} from ${plan.clientAddress}`,
    `headers ${JSON.stringify(resolved.request.headers)}`,
    `body ${sentBody}`,
    `→ ${answer.status} ${answer.headers.get("Content-Type") ?? ""}`,
    clip(answer.text, 1500),
  ].join("\n");
}

/**
 * One `it` per target, run concurrently: RUNS requests each; with `savesScenarios`, then the stored
 * and shown figures of every scenario the requests saved.
 */
export function fuzzTargets(name: string, targets: Target[], { savesScenarios }: { savesScenarios: boolean }): void {
  const startedAt = new Date();
  const worlds: World[] = [];
  const addresses = new Set<string>([PAGE_CHECK_ADDRESS]);
  // Remix logs every refusal it makes itself (no route, no action) as an error with its stack: in a
  // worker, each one is a round trip to Vitest's reporter. Counted, not printed; a 5xx fails anyway.
  // The last few are kept: a 5xx's cause is among them.
  const recent: string[] = [];
  const logged = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    recent.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(" ").slice(0, 2000));
    if (recent.length > 5) recent.shift();
  });

  afterAll(async () => {
    logged.mockRestore();
    await prisma.loginAttempt.deleteMany({ where: { ip: { in: [...addresses] } } });
    await prisma.shareLinkRequest.deleteMany({ where: { addressHash: { in: [...addresses].map((address) => hashClientAddress(address)) } } });
  });

  describe.concurrent(name, () => {
    for (const target of targets) {
      it(`${target.route}${target.intents.length ? ` (${target.intents.join(", ")})` : ""}: ${RUNS} requests, no 5xx, no NaN, a message with every 4xx`, async () => {
        const world = await createWorld();
        worlds.push(world);
        const statuses = new Map<number, number>();
        let busy = 0;
        const started = { wall: performance.now(), cpu: process.cpuUsage() };
        await fc.assert(
          fc.asyncProperty(target.plan, async (plan) => {
            const resolved = resolvePlan(world, plan);
            addresses.add(plan.clientAddress);
            const answer = await send(resolved.request);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            if (isBusyAnswer(answer)) busy++;
            const problem = findProblem(world, target, plan, resolved, answer);
            if (answer.status < 400) {
              for (const piece of resolved.typed) if (saysNonFinite(piece)) world.chosen.add(piece.trim());
              if (target.heal) await target.heal(world);
            }
            if (problem) throw new Error(`${problem}\n${describeExchange(plan, resolved, answer)}${answer.status >= 500 ? `\nlogged lately:\n${recent.join("\n")}` : ""}`);
          }),
          { numRuns: RUNS },
        );
        const cpu = process.cpuUsage(started.cpu);
        const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
        console.log(`${target.route}: ${summary.join(" ")} in ${((performance.now() - started.wall) / 1000).toFixed(1)} s (process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
        // A busy 503 is the designed answer to an overloaded machine, but a run of them tests nothing.
        expect(busy, "requests answered 503 'busy': the machine was too loaded for this run to show much").toBeLessThanOrEqual(RUNS / 100);
        // Not all refused: some requests got through to the work (a catch-all only refuses, or shows a page).
        if (!target.refusesAll) expect([...statuses.keys()].some((status) => status < 400)).toBe(true);
      });
    }
  });

  if (savesScenarios) describeAfterwards(name, startedAt, worlds);
}

function describeAfterwards(name: string, startedAt: Date, worlds: World[]): void {
  describe(`${name}: afterwards`, () => {
    it("no stored scenario input, result or headline holds NaN or Infinity", async () => {
      const revisions = await prisma.scenarioRevision.findMany({
        where: { orgId: { in: worlds.flatMap((world) => [world.home.org.id, world.foreign.org.id]) }, createdAt: { gte: startedAt } },
        select: { id: true, inputs: true, result: true, headlineCashTotal: true },
      });
      expect(revisions.length).toBeGreaterThan(0);
      for (const revision of revisions) {
        const texts = collectStrings(revision.inputs);
        const parsed = parseScenarioDocument(revision.inputs);
        expect(parsed.ok, `revision ${revision.id} inputs parse`).toBe(true);
        if (!parsed.ok) continue;
        expect(findNonFinite(parsed.scenario, texts), `revision ${revision.id} inputs`).toEqual([]);
        const result: unknown = JSON.parse(gunzipSync(revision.result).toString("utf8"));
        expect(findNonFinite(result, texts), `revision ${revision.id} result`).toEqual([]);
        if (revision.headlineCashTotal !== null) expect(revision.headlineCashTotal).toMatch(/^-?\d+(\.\d+)?$/);
      }
    });

    it("no page that shows a scenario the requests saved shows NaN or Infinity", async () => {
      const homes = new Map(worlds.map((world) => [world.home.org.id, world.home]));
      const scenarios = await prisma.scenario.findMany({
        where: { orgId: { in: worlds.flatMap((world) => [world.home.org.id, world.foreign.org.id]) }, revisions: { some: { createdAt: { gte: startedAt } } } },
        orderBy: { updatedAt: "desc" },
        select: { id: true, name: true, orgId: true, org: { select: { slug: true } }, revisions: { select: { inputs: true, note: true } } },
      });
      expect(scenarios.length).toBeGreaterThan(0);
      for (const orgId of new Set(scenarios.map((scenario) => scenario.orgId))) {
        const own = scenarios.filter((scenario) => scenario.orgId === orgId);
        const slug = own[0]?.org.slug ?? "";
        // What the client typed may say "NaN" (a name, a note): only figures may not.
        // So may the names of organisations the requests created or renamed (the switcher lists them).
        const texts = [...own.flatMap((scenario) => [scenario.name, ...scenario.revisions.flatMap((revision) => [...collectStrings(revision.inputs), revision.note ?? ""])]), ...worlds.flatMap((world) => [...world.chosen])].join("\n");
        const owner = await prisma.membership.findFirstOrThrow({ where: { orgId, role: "owner" }, select: { userId: true } });
        const cookie = (await createSession(owner.userId)).split(";")[0] ?? "";
        // Every page renders a scenario's stored result; the most recently changed stand for the rest
        // (whose stored figures the test above has read).
        const pages = [`/o/${slug}/scenarios`, ...own.slice(0, 60).map((scenario) => `/o/${slug}/scenarios/${scenario.id}`)];
        const home = homes.get(orgId);
        if (home) pages.push(`/s/${home.share.token}`);
        for (const page of pages) {
          const answer = await send({ method: "GET", url: page, headers: { Cookie: cookie }, clientAddress: PAGE_CHECK_ADDRESS });
          expect(answer.status, page).toBe(200);
          const shown = answer.text.replace(/<script[\s\S]*?<\/script>/gi, "").replace(/<[^>]+>/g, "\n");
          const nonFinite = [...shown.matchAll(NON_FINITE)].filter((match) => !texts.includes(match[0]));
          expect(nonFinite.map((match) => shown.slice(Math.max(0, (match.index ?? 0) - 60), (match.index ?? 0) + 60)), page).toEqual([]);
        }
      }
    });
  });
}

/** The strings of a JSON value: text the client chose (names, notes) may say "NaN" without being a figure. */
function collectStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (value !== null && typeof value === "object") for (const child of Object.values(value)) collectStrings(child, into);
  return into;
}

/** Places in `value` holding a non-finite number, Decimal, or a NaN/Infinity string that is not one of `texts`. */
function findNonFinite(value: unknown, texts: Set<string>, at = "", found: string[] = []): string[] {
  if (typeof value === "number" && !Number.isFinite(value)) found.push(`${at} = ${value}`);
  else if (typeof value === "string" && /^[-+]?(NaN|Infinity)$/i.test(value.trim()) && !texts.has(value)) found.push(`${at} = "${value}"`);
  else if (value !== null && typeof value === "object") {
    // Decimal.js: isFinite() is false for NaN and ±Infinity.
    if (typeof (value as { isFinite?: unknown }).isFinite === "function" && typeof (value as { toFixed?: unknown }).toFixed === "function") {
      if (!(value as { isFinite(): boolean }).isFinite()) found.push(`${at} = Decimal(${String(value)})`);
      return found;
    }
    for (const [key, child] of Object.entries(value)) findNonFinite(child, texts, `${at}.${key}`, found);
  }
  return found;
}
