/** Saved scenarios and their immutable revisions, against the real database (ADR 007). */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { CATALOGUE_VERSION, ENGINE_VERSION, parseScenario } from "~/engine/index.ts";
import {
  archiveScenario,
  createScenario,
  deleteScenario,
  duplicateScenario,
  getRevision,
  getRevisionDiff,
  getScenario,
  listRevisions,
  listScenarios,
  recomputeRevision,
  renameScenario,
  restoreArchivedScenario,
  restoreRevision,
  saveRevision,
} from "~/models/scenario.server.ts";
import { summarizeHeadline } from "~/reports/headline.ts";
import { stringifyCanonicalJson } from "~/scenarios/canonical.ts";
import { DEMO_LOGIN, seedDemo } from "../../prisma/seed.ts";
import { createTestMember, createTestOrganization } from "../factories/index.ts";
import { createTestScenario, readExample, type ExampleScenario } from "../factories/scenarios.ts";

const AS_OF = "2026-12-01";

type Document = Record<string, unknown> & { name: string; workload: { volume: { tokensPerMonth: string } }; options: { id: string; name: string; setupCost?: string }[] };

/** The EUR hybrid example without Monte Carlo: a full scenario that computes in ~50 ms. */
function readScenario(): Document {
  const example = readExample("hybrid-overflow-eur") as ExampleScenario & Document;
  const { monteCarlo: _monteCarlo, ...sensitivity } = example.sensitivity;
  return { ...example, sensitivity };
}

function withVolume(document: Document, tokensPerMonth: string): Document {
  return { ...document, workload: { ...document.workload, volume: { ...document.workload.volume, tokensPerMonth } } };
}


/** Every column of the scenario and its revisions, to prove that a call changed nothing. */
async function snapshotScenario(scenarioId: string) {
  return {
    scenario: await prisma.scenario.findUnique({ where: { id: scenarioId } }),
    revisions: await prisma.scenarioRevision.findMany({ where: { scenarioId }, orderBy: { number: "asc" } }),
  };
}

describe("create and read", () => {
  it("stores revision 1 with canonical inputs, their SHA-256, versions, author and the computed result", async () => {
    const org = await createTestOrganization();
    const inputs = readScenario();
    const created = await createScenario({ orgId: org.id, userId: org.owner.id, inputs, note: "  first cut  ", asOf: AS_OF });
    expect(created).toEqual({ ok: true, scenarioId: expect.any(String), revisionNumber: 1 });
    if (!created.ok) return;

    expect(await getScenario({ orgId: org.id, scenarioId: created.scenarioId })).toEqual({
      id: created.scenarioId,
      name: inputs.name,
      archivedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      latestRevisionNumber: 1,
    });
    const revision = await getRevision({ orgId: org.id, scenarioId: created.scenarioId });
    expect(revision).toMatchObject({ number: 1, note: "first cut", createdByEmail: org.owner.email, engineVersion: ENGINE_VERSION, catalogueVersion: CATALOGUE_VERSION, asOf: AS_OF, isCurrent: true });
    if (!revision) return;
    expect(revision.fingerprint).toBe(createHash("sha256").update(stringifyCanonicalJson(revision.inputs)).digest("hex"));
    expect(revision.inputs.workload).toMatchObject({ volume: { tokensPerMonth: inputs.workload.volume.tokensPerMonth } });
    expect(parseScenario(revision.inputs).ok).toBe(true);
    expect(revision.result.scenario).toMatchObject({ name: inputs.name, asOf: AS_OF });
    expect(revision.result.tornado.bars.length).toBeGreaterThan(0);
    expect(revision.result.monteCarlo).toBeNull();

    const headline = summarizeHeadline(revision.result.scenario);
    const [listed] = await listScenarios({ orgId: org.id });
    expect(listed).toEqual({
      id: created.scenarioId,
      name: inputs.name,
      archivedAt: null,
      updatedAt: expect.any(String),
      updatedByEmail: org.owner.email,
      revisionCount: 1,
      latestRevisionNumber: 1,
      headline: {
        currency: "EUR",
        cheapestId: headline.cheapest?.id,
        cheapestName: headline.cheapest?.name,
        cheapestCashTotal: headline.cheapest?.cashTotal,
        breakEvenMonth: headline.breakEven.month,
        breakEvenCalendarMonth: headline.breakEven.calendarMonth,
      },
    });
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "scenario.created", actorUserId: org.owner.id } })).toBe(1);
  });

  it("refuses invalid inputs with parseScenario's paths and messages, and writes nothing", async () => {
    const org = await createTestOrganization();
    const inputs = readScenario();
    const broken = { ...inputs, horizonMonths: "7", options: [{ ...inputs.options[0], setupCost: "-1" }, ...inputs.options.slice(1)] };
    const result = await createScenario({ orgId: org.id, userId: org.owner.id, inputs: broken, asOf: AS_OF });
    const expected = parseScenario(broken);
    expect(expected.ok).toBe(false);
    expect(result).toEqual({ ok: false, issues: expected.ok ? [] : expected.issues });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["horizonMonths"]));

    const { schemaVersion: _version, ...unversioned } = inputs;
    expect(await createScenario({ orgId: org.id, userId: org.owner.id, inputs: unversioned, asOf: AS_OF })).toEqual({ ok: false, issues: [{ path: "schemaVersion", message: expect.stringMatching(/^is required/) }] });
    expect(await prisma.scenario.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("lists newest first, active or archived", async () => {
    const org = await createTestOrganization();
    const older = await createTestScenario(org, { ...readScenario(), name: "Older" });
    const newer = await createTestScenario(org, { ...readScenario(), name: "Newer" });
    expect((await listScenarios({ orgId: org.id })).map((row) => row.id)).toEqual([newer, older]);
    expect(await archiveScenario({ orgId: org.id, userId: org.owner.id, scenarioId: older })).toEqual({ id: older, archivedAt: expect.any(String) });
    expect((await listScenarios({ orgId: org.id })).map((row) => row.id)).toEqual([newer]);
    expect((await listScenarios({ orgId: org.id, archived: true })).map((row) => row.id)).toEqual([older]);
    // Idempotent, audited once.
    await archiveScenario({ orgId: org.id, userId: org.owner.id, scenarioId: older });
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "scenario.archived" } })).toBe(1);
    expect(await restoreArchivedScenario({ orgId: org.id, userId: org.owner.id, scenarioId: older })).toEqual({ id: older, archivedAt: null });
    expect((await listScenarios({ orgId: org.id })).map((row) => row.id)).toEqual([older, newer]);
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "scenario.unarchived" } })).toBe(1);
  });
});

describe("revisions", () => {
  it("appends numbered revisions, skips an unchanged save without a note, and keeps old ones as they were", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    const first = await getRevision({ orgId: org.id, scenarioId, number: 1 });
    const editor = await createTestMember(org, "editor");

    const saved = await saveRevision({ orgId: org.id, userId: editor.id, scenarioId, baseRevisionNumber: 1, inputs: withVolume(readScenario(), "20000000000"), note: "forecast", asOf: AS_OF });
    expect(saved).toEqual({ ok: true, revisionNumber: 2, created: true });
    const unchanged = await saveRevision({ orgId: org.id, userId: editor.id, scenarioId, baseRevisionNumber: 2, inputs: withVolume(readScenario(), "20000000000.00"), asOf: AS_OF });
    expect(unchanged).toEqual({ ok: true, revisionNumber: 2, created: false });
    const commented = await saveRevision({ orgId: org.id, userId: editor.id, scenarioId, baseRevisionNumber: 2, inputs: withVolume(readScenario(), "20000000000"), note: "checked with finance", asOf: AS_OF });
    expect(commented).toEqual({ ok: true, revisionNumber: 3, created: true });

    expect(await listRevisions({ orgId: org.id, scenarioId })).toEqual([
      expect.objectContaining({ number: 3, note: "checked with finance", createdByEmail: editor.email }),
      expect.objectContaining({ number: 2, note: "forecast", createdByEmail: editor.email, headline: expect.objectContaining({ currency: "EUR" }) }),
      expect.objectContaining({ number: 1, note: null, createdByEmail: org.owner.email, fingerprint: first?.fingerprint }),
    ]);
    expect(await getRevision({ orgId: org.id, scenarioId, number: 1 })).toEqual(first);
    expect((await listScenarios({ orgId: org.id }))[0]).toMatchObject({ revisionCount: 3, latestRevisionNumber: 3, updatedByEmail: editor.email });
    expect(await getRevision({ orgId: org.id, scenarioId, number: 4 })).toBeNull();
  });

  it("answers invalid inputs on save with the issues and writes nothing", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    const before = await snapshotScenario(scenarioId);
    const result = await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: withVolume(readScenario(), "abc"), asOf: AS_OF });
    expect(result).toEqual({ ok: false, reason: "invalid", issues: [{ path: "workload.volume.tokensPerMonth", message: expect.stringContaining("decimal string") }] });
    expect(await snapshotScenario(scenarioId)).toEqual(before);
  });

  it("refuses to update a stored revision, in the database itself", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    const before = await snapshotScenario(scenarioId);
    await expect(prisma.scenarioRevision.updateMany({ where: { scenarioId }, data: { note: "rewritten" } })).rejects.toThrow(/immutable/);
    await expect(prisma.$executeRaw`UPDATE "ScenarioRevision" SET "headlineCashTotal" = '1' WHERE "scenarioId" = ${scenarioId}`).rejects.toThrow(/immutable/);
    expect(await snapshotScenario(scenarioId)).toEqual(before);
  });

  it("keeps a revision whose author's account is deleted, without the author", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    const editor = await createTestMember(org, "editor");
    await saveRevision({ orgId: org.id, userId: editor.id, scenarioId, baseRevisionNumber: 1, inputs: withVolume(readScenario(), "1000"), asOf: AS_OF });
    const before = await getRevision({ orgId: org.id, scenarioId, number: 2 });
    await prisma.user.delete({ where: { id: editor.id } });
    expect(await getRevision({ orgId: org.id, scenarioId, number: 2 })).toEqual({ ...before, createdByEmail: null });
  });

  it("of two concurrent saves on the same base, exactly one wins; the other is a conflict naming what changed", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    const other = await createTestMember(org, "editor");
    const mine = withVolume(readScenario(), "15000000000");
    const theirs = { ...readScenario(), options: readScenario().options.map((option, index) => (index === 1 ? { ...option, name: "Their rename" } : option)) };
    const results = await Promise.all([
      saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: mine, asOf: AS_OF }),
      saveRevision({ orgId: org.id, userId: other.id, scenarioId, baseRevisionNumber: 1, inputs: theirs, asOf: AS_OF }),
    ]);
    const winners = results.filter((result) => result?.ok);
    const losers = results.filter((result) => result?.ok === false);
    expect(winners).toEqual([{ ok: true, revisionNumber: 2, created: true }]);
    expect(losers).toHaveLength(1);
    const winnerIsMine = results[0]?.ok === true;
    const expectedChange = winnerIsMine
      ? { path: "workload.volume.tokensPerMonth", before: readScenario().workload.volume.tokensPerMonth, after: "15000000000" }
      : { path: "options[1].name", before: readScenario().options[1]?.name, after: "Their rename" };
    expect(losers[0]).toEqual({
      ok: false,
      reason: "conflict",
      latest: { number: 2, createdByEmail: winnerIsMine ? org.owner.email : other.email, createdAt: expect.any(String), inputs: expect.objectContaining({ schemaVersion: 1 }) },
      changes: [expectedChange],
    });
    expect(await prisma.scenarioRevision.count({ where: { scenarioId } })).toBe(2);
    expect(await getScenario({ orgId: org.id, scenarioId })).toMatchObject({ latestRevisionNumber: 2 });
  });

  it("refuses a save on a stale base, with the changes since that base", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: withVolume(readScenario(), "100"), asOf: AS_OF });
    await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 2, inputs: withVolume(readScenario(), "200"), asOf: AS_OF });
    const stale = await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: { ...readScenario(), name: "Mine" }, asOf: AS_OF });
    expect(stale).toMatchObject({ ok: false, reason: "conflict", latest: { number: 3 }, changes: [{ path: "workload.volume.tokensPerMonth", before: "12000000000", after: "200" }] });
  });

  it("restores an old revision as a new one, and shows the diff and headlines between any two", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: withVolume(readScenario(), "40000000000"), asOf: AS_OF });
    const first = await getRevision({ orgId: org.id, scenarioId, number: 1 });

    expect(await restoreRevision({ orgId: org.id, userId: org.owner.id, scenarioId, number: 1, asOf: AS_OF })).toEqual({ ok: true, revisionNumber: 3, created: true });
    const restored = await getRevision({ orgId: org.id, scenarioId });
    expect(restored).toMatchObject({ number: 3, note: "Restored from revision 1", fingerprint: first?.fingerprint });
    expect(restored?.result).toEqual(first?.result);
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "scenario.revision_restored" } })).toBe(1);
    // Restoring what is already the latest writes nothing.
    expect(await restoreRevision({ orgId: org.id, userId: org.owner.id, scenarioId, number: 1, asOf: AS_OF })).toEqual({ ok: true, revisionNumber: 3, created: false });

    const diff = await getRevisionDiff({ orgId: org.id, scenarioId, from: 1, to: 2 });
    expect(diff?.changes).toEqual([{ path: "workload.volume.tokensPerMonth", before: "12000000000", after: "40000000000" }]);
    expect(diff?.headlineFrom?.cheapestCashTotal).not.toBe(diff?.headlineTo?.cheapestCashTotal);
    expect(await getRevisionDiff({ orgId: org.id, scenarioId, from: 1, to: 3 })).toMatchObject({ changes: [] });
    expect(await getRevisionDiff({ orgId: org.id, scenarioId, from: 1, to: 9 })).toBeNull();
  });

  it("offers recomputation when a revision was computed by another engine or catalogue, as a new revision", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    expect(await recomputeRevision({ orgId: org.id, userId: org.owner.id, scenarioId, number: 1, asOf: AS_OF })).toEqual({ ok: true, revisionNumber: 1, created: false });

    // A revision as an older release would have stored it.
    const current = await prisma.scenarioRevision.findFirstOrThrow({ where: { scenarioId, number: 1 } });
    const { id: _id, createdAt: _createdAt, inputs, ...columns } = current;
    await prisma.$transaction([
      prisma.scenarioRevision.create({ data: { ...columns, inputs: inputs as object, number: 2, engineVersion: "0.9.0", catalogueVersion: "2026-05-01.00000000" } }),
      prisma.scenario.update({ where: { id: scenarioId }, data: { latestRevisionNumber: 2 } }),
    ]);
    expect(await getRevision({ orgId: org.id, scenarioId })).toMatchObject({ number: 2, isCurrent: false });

    expect(await recomputeRevision({ orgId: org.id, userId: org.owner.id, scenarioId, number: 2, asOf: "2026-12-02" })).toEqual({ ok: true, revisionNumber: 3, created: true });
    expect(await getRevision({ orgId: org.id, scenarioId })).toMatchObject({ number: 3, note: "Recomputed with current defaults", isCurrent: true, asOf: "2026-12-02", fingerprint: current.fingerprint });
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "scenario.recomputed" } })).toBe(1);
  });
});

describe("rename, duplicate, delete", () => {
  it("renames through a revision that keeps the stored figures, and validates the name", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    const before = await getRevision({ orgId: org.id, scenarioId });

    expect(await renameScenario({ orgId: org.id, userId: org.owner.id, scenarioId, name: "  Board version " })).toEqual({ ok: true, name: "Board version", revisionNumber: 2 });
    const after = await getRevision({ orgId: org.id, scenarioId });
    expect(after).toMatchObject({ number: 2, inputs: { name: "Board version" }, engineVersion: before?.engineVersion, catalogueVersion: before?.catalogueVersion, asOf: before?.asOf });
    expect(after?.note).toContain("Renamed from");
    expect(after?.result).toEqual({ ...before?.result, scenario: { ...before?.result.scenario, name: "Board version" } });
    expect(await getScenario({ orgId: org.id, scenarioId })).toMatchObject({ name: "Board version", latestRevisionNumber: 2 });
    expect(await getRevisionDiff({ orgId: org.id, scenarioId, from: 1, to: 2 })).toMatchObject({ changes: [{ path: "name", after: "Board version" }] });

    expect(await renameScenario({ orgId: org.id, userId: org.owner.id, scenarioId, name: "Board version" })).toEqual({ ok: true, name: "Board version", revisionNumber: 2 });
    expect(await renameScenario({ orgId: org.id, userId: org.owner.id, scenarioId, name: "   " })).toEqual({ ok: false, issues: [{ path: "name", message: "must not be empty" }] });
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "scenario.renamed" } })).toBe(1);
  });

  it("duplicates the latest revision with its figures as revision 1 of 'Copy of …'", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: withVolume(readScenario(), "30000000000"), asOf: AS_OF });
    const source = await getRevision({ orgId: org.id, scenarioId });
    const copy = await duplicateScenario({ orgId: org.id, userId: org.owner.id, scenarioId });
    expect(copy).toEqual({ scenarioId: expect.any(String), revisionNumber: 1 });
    if (!copy) return;
    const name = `Copy of ${readScenario().name}`;
    expect(await getScenario({ orgId: org.id, scenarioId: copy.scenarioId })).toMatchObject({ name, latestRevisionNumber: 1 });
    const copied = await getRevision({ orgId: org.id, scenarioId: copy.scenarioId });
    expect(copied).toMatchObject({ number: 1, inputs: { name, workload: { volume: { tokensPerMonth: "30000000000" } } } });
    expect(copied?.result.scenario.options).toEqual(source?.result.scenario.options);
    expect(await getScenario({ orgId: org.id, scenarioId })).toMatchObject({ latestRevisionNumber: 2 });
  });

  it("deletes only with the exact name typed, with every revision, audited", async () => {
    const org = await createTestOrganization();
    const scenarioId = await createTestScenario(org, readScenario());
    const before = await snapshotScenario(scenarioId);
    const name = readScenario().name;
    for (const confirmName of ["", name.toUpperCase(), `${name} `]) {
      expect(await deleteScenario({ orgId: org.id, userId: org.owner.id, scenarioId, confirmName })).toEqual({ ok: false, reason: "name-mismatch" });
    }
    expect(await snapshotScenario(scenarioId)).toEqual(before);
    expect(await deleteScenario({ orgId: org.id, userId: org.owner.id, scenarioId, confirmName: name })).toEqual({ ok: true });
    expect(await getScenario({ orgId: org.id, scenarioId })).toBeNull();
    expect(await prisma.scenarioRevision.count({ where: { scenarioId } })).toBe(0);
    expect(await prisma.auditEvent.findFirst({ where: { orgId: org.id, action: "scenario.deleted" } })).toMatchObject({ target: name, actorUserId: org.owner.id });
    expect(await deleteScenario({ orgId: org.id, userId: org.owner.id, scenarioId, confirmName: name })).toBeNull();
  });
});

describe("tenant isolation", () => {
  it("another organisation's id reads nothing and changes nothing, through every function", async () => {
    const victim = await createTestOrganization({ name: "Victim" });
    const scenarioId = await createTestScenario(victim, readScenario());
    await saveRevision({ orgId: victim.id, userId: victim.owner.id, scenarioId, baseRevisionNumber: 1, inputs: withVolume(readScenario(), "1000"), asOf: AS_OF });
    const attacker = await createTestOrganization({ name: "Attacker" });
    const before = await snapshotScenario(scenarioId);
    const auditBefore = await prisma.auditEvent.count({ where: { orgId: victim.id } });
    const scope = { orgId: attacker.id, userId: attacker.owner.id, scenarioId };

    expect(await getScenario(scope)).toBeNull();
    expect(await getRevision(scope)).toBeNull();
    expect(await getRevision({ ...scope, number: 1 })).toBeNull();
    expect(await listRevisions(scope)).toEqual([]);
    expect(await getRevisionDiff({ ...scope, from: 1, to: 2 })).toBeNull();
    expect(await listScenarios({ orgId: attacker.id })).toEqual([]);
    expect(await listScenarios({ orgId: attacker.id, archived: true })).toEqual([]);
    expect(await saveRevision({ ...scope, baseRevisionNumber: 2, inputs: readScenario(), note: "mine now", asOf: AS_OF })).toBeNull();
    expect(await restoreRevision({ ...scope, number: 1, asOf: AS_OF })).toBeNull();
    expect(await recomputeRevision({ ...scope, number: 2, asOf: AS_OF })).toBeNull();
    expect(await renameScenario({ ...scope, name: "Taken" })).toBeNull();
    expect(await archiveScenario(scope)).toBeNull();
    expect(await restoreArchivedScenario(scope)).toBeNull();
    expect(await duplicateScenario(scope)).toBeNull();
    expect(await deleteScenario({ ...scope, confirmName: readScenario().name })).toBeNull();

    expect(await snapshotScenario(scenarioId)).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { orgId: victim.id } })).toBe(auditBefore);
    expect(await prisma.scenario.count({ where: { orgId: attacker.id } })).toBe(0);
    expect(await prisma.scenarioRevision.count({ where: { orgId: attacker.id } })).toBe(0);
  });

  it("a revision cannot point at another organisation's scenario, even written directly", async () => {
    const owner = await createTestOrganization();
    const scenarioId = await createTestScenario(owner, readScenario());
    const other = await createTestOrganization();
    const revision = await prisma.scenarioRevision.findFirstOrThrow({ where: { scenarioId } });
    const { id: _id, createdAt: _createdAt, inputs, ...columns } = revision;
    await expect(prisma.scenarioRevision.create({ data: { ...columns, inputs: inputs as object, orgId: other.id, number: 2 } })).rejects.toThrow();
  });
});

describe("seedDemo", () => {
  it("gives the demo organisation the three examples with two revisions each, once", async () => {
    await seedDemo(prisma);
    await seedDemo(prisma);
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_LOGIN.orgSlug } });
    const scenarios = await listScenarios({ orgId: org.id });
    const examples = ["four-options-60-months", "hybrid-overflow-eur", "eu-personal-data-compliance"].map(
      (file) => (JSON.parse(readFileSync(new URL(`../../public/examples/${file}.json`, import.meta.url), "utf8")) as { name: string }).name,
    );
    for (const name of examples) {
      const matching = scenarios.filter((scenario) => scenario.name === name);
      expect(matching, name).toHaveLength(1);
      expect(matching[0]).toMatchObject({ revisionCount: 2, headline: expect.objectContaining({ cheapestName: expect.any(String) }) });
    }
  });
});
