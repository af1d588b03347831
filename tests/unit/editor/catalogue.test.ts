import { describe, expect, it } from "vitest";
import { applyCatalogueEntry, applyDeployment, BINDINGS, fillFromCatalogue, getCatalogueState, resetToCatalogue } from "~/catalogue/bindings.ts";
import { createOption, createUniqueId, duplicateOption } from "~/components/scenario-editor/defaults.ts";
import { listAssumptions } from "~/components/scenario-editor/sections.tsx";
import { BUILT_IN_CATALOGUE as B, computeScenario, createCatalogue, Decimal, parseScenario } from "~/engine";
import { createKitchenSink, EXAMPLE_NAMES, loadExample } from "./fixtures.ts";

type Json = Record<string, unknown>;

describe("override detection", () => {
  for (const name of [...EXAMPLE_NAMES, "kitchen sink"] as const) {
    it(`agrees with the engine's catalogue usage on ${name}`, () => {
      const scenario = name === "kitchen sink" ? createKitchenSink() : loadExample(name);
      const parsed = parseScenario(scenario);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const engine = computeScenario(parsed.scenario, { asOf: "2026-11-30" })
        .options.flatMap((option, index) => option.catalogueValues.filter((used) => used.status !== "unknown-catalogue-id" && !used.field.endsWith("loadedCostMultiplier")).map((used) => `${index}:${used.field}=${used.status}`))
        .sort();
      const perUsd = (scenario.currency as Json).perUsd;
      const editor = listAssumptions(scenario, perUsd, B)
        .map((row) => `${row.optionPath[1]}:${row.optionPath.length > 2 ? `${row.optionPath[2]}.` : ""}${row.field}=${row.status}`)
        .sort();
      expect(editor).toEqual(engine);
      expect(editor.length).toBeGreaterThan(5);
    });
  }
});

describe("catalogue pickers", () => {
  const eur = loadExample("hybrid-overflow-eur");
  const perUsd = (eur.currency as Json).perUsd;
  const owned = (((eur.options as Json[])[1] as Json).primary as Json);
  const gpu = BINDINGS["owned-gpu"].find((binding) => binding.id === "gpu")!;

  it("fill money converted at the scenario's rate and mark a changed value as an override", () => {
    const picked = applyCatalogueEntry(owned, gpu, "gpu.b200", perUsd, B);
    expect(picked.gpu).toEqual({ catalogId: "gpu.b200", name: "NVIDIA B200", unitPrice: "55200", powerKw: "1" });
    expect(getCatalogueState(picked, "gpu.unitPrice", perUsd, B)?.status).toBe("catalogue");
    const changed = { ...picked, gpu: { ...(picked.gpu as Json), unitPrice: "50000" }, overrideSources: { "gpu.unitPrice": { source: "quote" } } };
    const state = getCatalogueState(changed, "gpu.unitPrice", perUsd, B);
    expect(state).toMatchObject({ status: "override", catalogueValue: "55200", entry: { asOf: "2026-03-01" } });
    expect(state?.entry.citations.map((citation) => [citation.publisher, citation.url])).toEqual([
      ["fp4.dev", "https://www.fp4.dev/silicon/h100-h200-b200-tco/"],
      ["Alpha One Index", "https://alpha-one-index.github.io/ai-infra-index/"],
    ]);
    const reset = resetToCatalogue(changed, "gpu.unitPrice", perUsd, B);
    expect((reset.gpu as Json).unitPrice).toBe("55200");
    expect(reset.overrideSources).toBeUndefined();
  });

  it("compare at 6 significant digits like the engine", () => {
    const picked = applyCatalogueEntry(owned, gpu, "gpu.h100-sxm", "0.923456789", B);
    expect((picked.gpu as Json).unitPrice).toBe("34629.6295875");
    const rounded = { ...picked, gpu: { ...(picked.gpu as Json), unitPrice: "34629.6" } };
    expect(getCatalogueState(rounded, "gpu.unitPrice", "0.923456789", B)?.status).toBe("catalogue");
  });

  it("clearing a picker keeps the values and ends the comparison", () => {
    const cleared = applyCatalogueEntry(owned, gpu, null, perUsd, B);
    expect((cleared.gpu as Json).catalogId).toBeUndefined();
    expect((cleared.gpu as Json).unitPrice).toBe((owned.gpu as Json).unitPrice);
    expect(getCatalogueState(cleared, "gpu.unitPrice", perUsd, B)).toBeNull();
  });

  it("an API residency premium is compared with its deployment's catalogue premium", () => {
    const api = { kind: "api", deployment: { catalogId: "openai-api-residency-eu" } };
    expect(getCatalogueState(api, "residencyPremium", "1", B)).toMatchObject({ status: "catalogue", catalogueValue: "0.1" });
    expect(getCatalogueState({ ...api, residencyPremium: "0" }, "residencyPremium", "1", B)?.status).toBe("override");
    expect(resetToCatalogue({ ...api, residencyPremium: "0" }, "residencyPremium", "1", B)).toEqual(api);
  });

  it("a new deployment keeps the location only where the customer chooses it", () => {
    expect(applyDeployment({ catalogId: "self-hosted-own-data-centre", location: "DE" }, "self-hosted-colocation")).toEqual({ catalogId: "self-hosted-colocation", location: "DE" });
    expect(applyDeployment({ catalogId: "x", location: "DE", operator: { name: "a", jurisdiction: "DE" } }, "openai-api-global")).toEqual({ catalogId: "openai-api-global" });
  });
});

describe("new options", () => {
  for (const kind of ["api", "owned-gpu", "rented-gpu", "hybrid"] as const) {
    it(`a new ${kind} option is valid as it comes, with and without a compliance profile`, () => {
      for (const name of ["four-options-60-months", "eu-personal-data-compliance"] as const) {
        const scenario = loadExample(name);
        const options = scenario.options as Json[];
        const deployment = scenario.compliance === undefined ? null : { location: "DE" };
        scenario.options = [...options, createOption(kind, createUniqueId(options, kind), (scenario.currency as Json).perUsd, deployment, B)];
        const parsed = parseScenario(scenario);
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      }
    });
  }

  it("a duplicate gets a fresh id and stays valid", () => {
    const scenario = loadExample("four-options-60-months");
    const options = scenario.options as Json[];
    const copy = duplicateOption(options[2], options);
    expect(copy.id).toBe("owned-h100-copy");
    scenario.options = [...options, copy, duplicateOption(options[2], [...options, copy])];
    expect((scenario.options as Json[])[5]!.id).toBe("owned-h100-copy-2");
    expect(parseScenario(scenario).ok).toBe(true);
  });
});

describe("unknown catalogue premium", () => {
  it("a residency premium beside an unknown catalogue premium is an override that cannot be reset", () => {
    const api = { kind: "api", deployment: { catalogId: "vertex-ai-multi-region-eu" }, residencyPremium: "0" };
    expect(getCatalogueState(api, "residencyPremium", "1", B)).toMatchObject({ status: "override", catalogueValue: null });
    expect(resetToCatalogue(api, "residencyPremium", "1", B)).toBe(api);
  });
});

describe("an organisation's catalogue in the editor and in new scenarios", () => {
  const catalogue = createCatalogue({
    number: 1,
    entries: [{ id: "gpu.h100-sxm", kind: "gpus", label: "NVIDIA H100 SXM", values: { unitPrice: "30000", powerKw: "0.7" }, sourceNote: "negotiated H100 price, MSA 2026-09", asOf: "2026-09-15" }],
  });

  it("fills a template's kept catalogue values from the organisation's entries, converted, and leaves the rest as written", () => {
    const eur = loadExample("hybrid-overflow-eur");
    const filled = fillFromCatalogue(eur, catalogue);
    const gpu = (((filled.options as Json[])[1] as Json).primary as Json).gpu as Json;
    const perUsd = (eur.currency as Json).perUsd as string;
    expect(gpu.unitPrice).toBe(new Decimal("30000").times(perUsd).toFixed());
    expect(getCatalogueState(((filled.options as Json[])[1] as Json).primary as Json, "gpu.unitPrice", perUsd, catalogue)).toMatchObject({ status: "catalogue", entry: { organisation: true } });
    expect(fillFromCatalogue(eur, B)).toEqual(eur);
    // Only the bound fields of overridden entries change.
    expect({ ...filled, options: [] }).toEqual({ ...eur, options: [] });
  });
});
