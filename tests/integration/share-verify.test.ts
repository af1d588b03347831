/**
 * Verifying a printed copy through a share link (/s/<token>/verify, issue 8 and ADR 011): the link's
 * own revision matches; a following link recognises the scenario's earlier revisions as superseded; a
 * pinned link answers about its own revision only; nothing outside the linked scenario ever matches.
 */
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getRevision, saveRevision } from "~/models/scenario.server.ts";
import { createShareLink } from "~/models/share-link.server.ts";
import * as verifyRoute from "~/routes/s.$token_.verify.tsx";
import { createTestOrganization, type TestOrganization } from "../factories/index.ts";
import { callLoader, createGetRequest } from "../factories/requests.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

const AS_OF = "2026-12-01";
const example = readExample("hybrid-overflow-eur");

/** The EUR hybrid example without Monte Carlo (fast) at a given volume. */
function inputs(name: string, tokensPerMonth: string) {
  const { monteCarlo: _monteCarlo, ...sensitivity } = example.sensitivity;
  return { ...example, name, sensitivity, workload: { ...example.workload, volume: { ...example.workload.volume, tokensPerMonth } } };
}

let org: TestOrganization;
let scenarioId: string;
let otherScenarioFingerprint: string;
const fingerprints: string[] = [];

beforeAll(async () => {
  org = await createTestOrganization({ name: "Verify Org" });
  scenarioId = await createTestScenario(org, inputs("Verified", "1200000000"));
  const saved = await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: 1, inputs: inputs("Verified", "2000000000"), asOf: AS_OF });
  if (!saved?.ok) throw new Error("second revision not saved");
  for (const number of [1, 2]) fingerprints.push((await getRevision({ orgId: org.id, scenarioId, number }))?.fingerprint ?? "");
  const otherId = await createTestScenario(org, inputs("Other", "900000000"));
  otherScenarioFingerprint = (await getRevision({ orgId: org.id, scenarioId: otherId }))?.fingerprint ?? "";
});

async function link(followLatest: boolean, revisionNumber: number): Promise<string> {
  const created = await createShareLink({ orgId: org.id, userId: org.owner.id, scenarioId, label: "Prospect", revisionNumber, followLatest, expiresInDays: 30, allowPdf: true });
  if (!created) throw new Error("link not created");
  return created.token;
}

async function check(token: string, fingerprint: string) {
  const request = createGetRequest(`/s/${token}/verify?fingerprint=${encodeURIComponent(fingerprint)}`);
  request.headers.set("X-Forwarded-For", `203.0.${randomInt(0, 256)}.${randomInt(1, 255)}`);
  const result = await callLoader(verifyRoute.loader, request, { token });
  expect(result.status).toBe(200);
  return (result.body as { check: unknown; error: string | null });
}

describe("/s/<token>/verify", () => {
  it("a following link: its revision matches, an earlier one is superseded, another scenario's matches nothing", async () => {
    const token = await link(true, 2);
    expect((await check(token, fingerprints[1] ?? "")).check).toEqual({ match: "shown", revisionNumber: 2 });
    // As printed: upper case, split over two lines.
    const printed = `${fingerprints[0]?.slice(0, 32).toUpperCase()}\n${fingerprints[0]?.slice(32)}`;
    expect((await check(token, printed)).check).toEqual({ match: "superseded", revisionNumber: 1, shownRevisionNumber: 2 });
    expect((await check(token, otherScenarioFingerprint)).check).toEqual({ match: "none" });
  });

  it("a pinned link answers about its own revision only", async () => {
    const token = await link(false, 1);
    expect((await check(token, fingerprints[0] ?? "")).check).toEqual({ match: "shown", revisionNumber: 1 });
    expect((await check(token, fingerprints[1] ?? "")).check).toEqual({ match: "none" });
  });

  it("names the rule for something that cannot be a fingerprint", async () => {
    const token = await link(false, 1);
    const answer = await check(token, "not-a-fingerprint");
    expect(answer.check).toBeNull();
    expect(answer.error).toMatch(/^Fingerprint: the 64 hexadecimal digits/);
  });

  it("answers a dead token with the link 404", async () => {
    const request = createGetRequest(`/s/${"x".repeat(43)}/verify?fingerprint=${fingerprints[0]}`);
    request.headers.set("X-Forwarded-For", "203.0.113.77");
    expect((await callLoader(verifyRoute.loader, request, { token: "x".repeat(43) })).status).toBe(404);
  });
});
