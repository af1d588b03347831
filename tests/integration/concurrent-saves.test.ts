/**
 * Concurrent saves (issue 13): 10 writers save the same scenario at once, 1,000 rounds in the full
 * evidence tier (100 in CI's quick tier, tests/evidence.ts), through the model's saveRevision on the
 * real database (ADR 010's optimistic concurrency). Each round every
 * writer saves different inputs on the same base revision, after a random delay of a few
 * milliseconds, so that some find the base already superseded when they read and others race the
 * winner to the commit. Exactly one save wins each round; every other gets the conflict answer
 * naming the winner's revision; the chain of revisions has no gap and holds every winner's inputs.
 */
import { randomInt } from "node:crypto";
import { expect, it } from "vitest";
import { saveRevision, type SaveRevisionResult } from "~/models/scenario.server.ts";
import { sleep } from "../../scripts/lib/net.ts";
import { EVIDENCE } from "../evidence.ts";
import { prisma } from "../factories/db.ts";
import { createTestOrganization } from "../factories/index.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const WRITERS = 10;
const ROUNDS = EVIDENCE.concurrentSaveRounds;
const AS_OF = "2026-12-01";

const example = readExample("four-options-60-months");
/** The smallest scenario that computes like any other: one API option over 12 months, no sensitivity runs (a few ms a save). */
const small = { ...example, horizonMonths: 12, options: example.options.slice(0, 1), sensitivity: { tornado: [] } };

it(`${WRITERS} writers, ${ROUNDS} rounds on one scenario: one winner a round, every loser told of the conflict, no revision lost or skipped`, async () => {
  const startedAt = Date.now();
  const org = await createTestOrganization({ name: "Concurrent saves" });
  const scenarioId = await createTestScenario(org, { ...small, name: "Round 0" }, { asOf: AS_OF });

  /** What went wrong, round by round: empty when every round went right. */
  const anomalies: string[] = [];
  /** The name each revision number must hold: the winner of the round that created it. */
  const winnerNames = new Map<number, string>([[1, "Round 0"]]);
  let conflictsNamingTheChange = 0;

  for (let round = 1; round <= ROUNDS; round++) {
    const base = round;
    const outcomes = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        await sleep(randomInt(0, 4));
        const name = `Round ${round} writer ${writer}`;
        const result: SaveRevisionResult | null = await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: base, inputs: { ...small, name }, asOf: AS_OF });
        return { name, result };
      }),
    );
    const winners = outcomes.filter((outcome) => outcome.result?.ok);
    const winner = winners[0];
    if (winners.length !== 1 || !winner) {
      anomalies.push(`round ${round}: ${winners.length} saves won`);
      break;
    }
    if (JSON.stringify(winner.result) !== JSON.stringify({ ok: true, revisionNumber: base + 1, created: true })) anomalies.push(`round ${round}: the winner got ${JSON.stringify(winner.result)}`);
    winnerNames.set(base + 1, winner.name);
    for (const { name, result } of outcomes) {
      if (name === winner.name) continue;
      if (result?.ok !== false || result.reason !== "conflict") {
        anomalies.push(`round ${round}: ${name} got ${JSON.stringify(result)?.slice(0, 200)}`);
      } else if (result.latest.number !== base + 1 || result.latest.inputs.name !== winner.name) {
        anomalies.push(`round ${round}: ${name}'s conflict names revision ${result.latest.number} "${String(result.latest.inputs.name)}", not ${base + 1} "${winner.name}"`);
      } else if (result.changes.some((change) => change.path === "name" && change.after === winner.name)) {
        // The conflict answer lists what changed since the base: the winner's name.
        conflictsNamingTheChange++;
      }
    }
  }
  expect(anomalies).toEqual([]);
  expect(conflictsNamingTheChange).toBe(ROUNDS * (WRITERS - 1));

  const [scenario, revisions] = await Promise.all([
    prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { latestRevisionNumber: true, name: true } }),
    prisma.scenarioRevision.findMany({ where: { scenarioId }, orderBy: { number: "asc" }, select: { number: true, inputs: true } }),
  ]);
  expect(revisions.map((revision) => revision.number)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, index) => index + 1));
  const lost = revisions.filter((revision) => (revision.inputs as { name?: unknown }).name !== winnerNames.get(revision.number));
  expect(lost).toEqual([]);
  expect(scenario).toEqual({ latestRevisionNumber: ROUNDS + 1, name: winnerNames.get(ROUNDS + 1) });
  console.log(`concurrent saves: ${WRITERS} writers × ${ROUNDS} rounds in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}, 900_000);
