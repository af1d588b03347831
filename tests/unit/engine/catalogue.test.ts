import { describe, expect, it } from "vitest";
import { CATALOGUE, CATALOGUE_VERSION, createCatalogue, Decimal, computeScenario, getCatalogueEntry, parseScenario, STALE_AFTER_DAYS, type OrganisationEntry, type ScenarioInput } from "~/engine";
import { createApiOption, createOwnedOption, createRentedOption, createScenario } from "../../scenarios/builders.ts";

const entries = Object.values(CATALOGUE).flat();

describe("built-in catalogue", () => {
  it("has unique ids", () => {
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  });

  // Dates and sources: catalogue-sources.test.ts.
  it.each(entries.map((entry) => [entry.id, entry] as const))("%s has a confidence and a unit per value", (_id, entry) => {
    expect(["high", "medium", "low"]).toContain(entry.confidence);
    for (const [key, value] of Object.entries(entry.values)) {
      expect((entry.units as Record<string, string>)[key]).toBeTruthy();
      if (key !== "benchmark" && key !== "version") expect(new Decimal(value).isFinite()).toBe(true);
    }
  });

  it("is found by id", () => {
    expect(getCatalogueEntry("gpu.h100-sxm")?.values).toEqual({ unitPrice: "37500", powerKw: "0.7" });
    expect(getCatalogueEntry("no.such.entry")).toBeNull();
  });
});

function compute(input: ScenarioInput) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return computeScenario(parsed.scenario, { asOf: "2026-11-25" });
}

describe("catalogue values used, overrides and staleness", () => {
  it("lists kept values with source and date, and overrides with the user's source", () => {
    const result = compute(
      createScenario([
        createOwnedOption({
          gpu: { catalogId: "gpu.h100-sxm", name: "H100", unitPrice: "37500", powerKw: "0.8" },
          overrideSources: { "gpu.powerKw": { source: "measured at the wall", asOf: "2026-10-01" } },
        }),
      ]),
    );
    const used = result.options[0]?.catalogueValues ?? [];
    const price = used.find((item) => item.field === "gpu.unitPrice");
    const power = used.find((item) => item.field === "gpu.powerKw");
    expect(price?.status).toBe("catalogue");
    expect(price?.catalogue?.asOf).toBe("2026-06-01");
    expect(power?.status).toBe("override");
    expect(power?.catalogue?.value?.toFixed()).toBe("0.7");
    expect(power?.overrideSource).toEqual({ source: "measured at the wall", asOf: "2026-10-01" });
  });

  it("converts catalogue money at the scenario's exchange rate before comparing", () => {
    const result = compute(
      createScenario([createApiOption({ catalogId: "api.openai.gpt-5", inputPricePerMillion: "1.125", cachedInputPricePerMillion: "0.1125", outputPricePerMillion: "9", batchDiscount: "0.5" })], {
        currency: { code: "EUR", perUsd: "0.9", asOf: "2026-11-20", source: "ECB" },
      }),
    );
    const used = result.options[0]?.catalogueValues ?? [];
    expect(used.map((item) => item.status)).toEqual(["catalogue", "catalogue", "catalogue", "catalogue"]);
    expect(result.currency.perUsd.toFixed()).toBe("0.9");
  });

  it("refuses a malformed as-of date instead of silently skipping staleness", () => {
    const parsed = parseScenario(createScenario([createApiOption()]));
    if (!parsed.ok) throw new Error("invalid");
    expect(() => computeScenario(parsed.scenario, { asOf: "25/11/2026" })).toThrow(/asOf must be a date/);
  });

  it("warns about stale entries and an old exchange rate", () => {
    const result = compute(
      createScenario([createOwnedOption({ energyCatalogId: "energy.us-industrial", pue: "1.58", electricityPricePerKwh: "0.0806" })], {
        currency: { code: "EUR", perUsd: "0.9", asOf: "2025-01-01", source: "ECB" },
      }),
    );
    const codes = result.options[0]?.warnings.map((warning) => warning.code);
    expect(codes).toContain("stale-catalogue-entry");
    expect(result.warnings.map((warning) => warning.code)).toContain("stale-exchange-rate");
  });

  it("refuses a scenario naming an unknown catalogue id, naming the id and the field", () => {
    const parsed = parseScenario(
      createScenario([createApiOption(), createOwnedOption({ licenceCatalogId: "licence.none", gpu: { catalogId: "gpu.h999", name: "H999", unitPrice: "1", powerKw: "1" } })]),
    );
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { path: "options.1.licenceCatalogId", message: 'names "licence.none", which is not an entry of the catalogue' },
      { path: "options.1.gpu.catalogId", message: 'names "gpu.h999", which is not an entry of the catalogue' },
    ]);
  });

  it("accepts an id the built-in catalogue dropped, which stored scenarios may name, and warns that it has no entry", () => {
    const parsed = parseScenario(createScenario([createApiOption(), createOwnedOption({ staffing: { catalogId: "salary.de-ml-engineer", fte: "1", loadedCostPerFteYear: "90000", rampUpMonths: "0" } })]));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(getCatalogueEntry("salary.de-ml-engineer")).toBeNull();
    const codes = computeScenario(parsed.scenario, { asOf: "2026-11-25" }).options[1]?.warnings.map((warning) => warning.code);
    expect(codes).toContain("unknown-catalogue-id");
  });

  it("warns about an unknown id when computed against another catalogue than the one it was validated with", () => {
    const own = createCatalogue({ number: 1, entries: [{ id: "licence.house", kind: "licences", label: "House licence", values: { softwareLicencePerGpuYear: "100" }, sourceNote: "contract", asOf: "2026-10-01" }] });
    const parsed = parseScenario(createScenario([createOwnedOption({ licenceCatalogId: "licence.house", softwareLicencePerGpuYear: "100" })]), own);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const codes = computeScenario(parsed.scenario, { asOf: "2026-11-25" }).options[0]?.warnings.map((warning) => warning.code);
    expect(codes).toContain("unknown-catalogue-id");
  });
});

describe("an organisation's catalogue", () => {
  const h100: OrganisationEntry = { id: "gpu.h100-sxm", kind: "gpus", label: "NVIDIA H100 SXM", values: { unitPrice: "30000" }, sourceNote: "negotiated H100 price, MSA 2026-09", asOf: "2026-09-15" };
  const regional: OrganisationEntry = { id: "rent.eu-cloud.h100", kind: "gpuRentals", label: "EU cloud H100", values: { pricePerGpuHour: "2.5", gpusPerNode: "8" }, sourceNote: "quote Q4", asOf: "2026-10-01" };
  const catalogue = createCatalogue({ number: 3, entries: [h100, regional] });

  it("puts an override in the built-in entry's place, keeps the values it does not set, and appends own entries to their group", () => {
    expect(catalogue.version).toBe(`${CATALOGUE_VERSION}+org.3`);
    expect(catalogue.groups.gpus.map((entry) => entry.id)).toEqual(CATALOGUE.gpus.map((entry) => entry.id));
    expect(catalogue.get("gpu.h100-sxm")).toMatchObject({ values: { unitPrice: "30000", powerKw: "0.7" }, sources: [{ kind: "note", note: h100.sourceNote, asOf: "2026-09-15" }], asOf: "2026-09-15", organisation: { sourceNote: h100.sourceNote } });
    expect(catalogue.groups.gpuRentals.at(-1)).toMatchObject({ id: "rent.eu-cloud.h100", units: { pricePerGpuHour: "USD per GPU-hour" }, organisation: { replaces: null } });
    expect(catalogue.get("gpu.h200")?.organisation).toBeNull();
    expect(createCatalogue().version).toBe(CATALOGUE_VERSION);
    expect(createCatalogue().get("rent.eu-cloud.h100")).toBeNull();
  });

  it("marks a value kept from the organisation's entry as organisation, with its note and date, and a value unlike it as an override", () => {
    const input = createScenario([
      createOwnedOption({ id: "kept", gpu: { catalogId: "gpu.h100-sxm", name: "H100", unitPrice: "30000", powerKw: "0.7" } }),
      createOwnedOption({ id: "built-in", gpu: { catalogId: "gpu.h100-sxm", name: "H100", unitPrice: "37500", powerKw: "0.7" } }),
    ]);
    const parsed = parseScenario(input, catalogue);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const result = computeScenario(parsed.scenario, { asOf: "2026-11-25", catalogue });
    const price = (index: number) => result.options[index]?.catalogueValues.find((used) => used.field === "gpu.unitPrice");
    expect(price(0)).toMatchObject({ status: "organisation", catalogue: { sources: [{ publisher: null, title: h100.sourceNote, urls: [], date: "2026-09-15" }], asOf: "2026-09-15", staleAfterDays: 180, origin: "organisation" } });
    expect(price(1)).toMatchObject({ status: "override", catalogue: { origin: "organisation" } });
    expect(price(1)?.catalogue?.value?.toFixed()).toBe("30000");
    // Against the built-in catalogue the same figures read the other way round.
    const builtIn = computeScenario(parsed.scenario, { asOf: "2026-11-25" });
    expect(builtIn.options.map((option) => option.catalogueValues.find((used) => used.field === "gpu.unitPrice")?.status)).toEqual(["override", "catalogue"]);
  });

  it("accepts the organisation's own ids only against its catalogue", () => {
    const input = createScenario([createRentedOption({ catalogId: "rent.eu-cloud.h100", pricePerGpuHour: "2.5" })]);
    expect(parseScenario(input, catalogue).ok).toBe(true);
    const builtIn = parseScenario(input);
    expect(builtIn.ok ? [] : builtIn.issues).toEqual([{ path: "options.0.catalogId", message: 'names "rent.eu-cloud.h100", which is not an entry of the catalogue' }]);
  });
});

describe("staleness per kind of figure", () => {
  it("has a limit for every kind of catalogue figure, shortest for API prices", () => {
    expect(Object.keys(STALE_AFTER_DAYS).sort()).toEqual([...Object.keys(CATALOGUE), "compliance"].sort());
    expect(Math.min(...Object.values(STALE_AFTER_DAYS))).toBe(STALE_AFTER_DAYS.apiPrices);
  });

  it("judges each value by its own kind: a 100-day-old API price is stale, a 161-day-old GPU price is not", () => {
    const parsed = parseScenario(createScenario([createApiOption({ catalogId: "api.openai.gpt-5" }), createOwnedOption({ gpu: { catalogId: "gpu.h100-sxm", name: "H100", unitPrice: "37500", powerKw: "0.7" } })]));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const result = computeScenario(parsed.scenario, { asOf: "2026-11-09" });
    const staleIds = result.options.flatMap((option) => option.warnings.flatMap((warning) => (warning.code === "stale-catalogue-entry" ? [warning.params.id] : [])));
    expect(staleIds).toContain("api.openai.gpt-5");
    expect(staleIds).not.toContain("gpu.h100-sxm");
    const api = result.options[0]?.warnings.find((warning) => warning.code === "stale-catalogue-entry");
    expect(api?.message).toBe("Catalogue entry api.openai.gpt-5 (OpenAI gpt-5) is from 2026-08-01, 100 days before 2026-11-09; figures of its kind count as stale after 90 days.");
    const gpuUsed = result.options[1]?.catalogueValues.find((used) => used.field === "gpu.unitPrice");
    expect(gpuUsed?.catalogue?.staleAfterDays).toBe(STALE_AFTER_DAYS.gpus);
  });
});

describe("quality gap and capacity warnings", () => {
  it("shows the quality gap beside the cost gap and warns when it is large", () => {
    const quality = (score: string) => ({ benchmark: "Index", version: "v4.0", score, source: "test", asOf: "2026-05-31" });
    const result = compute(
      createScenario([
        createApiOption({ id: "frontier", model: { name: "big", quality: quality("57") } }),
        createApiOption({ id: "small", model: { name: "small", quality: quality("33") } }),
      ]),
    );
    expect(result.qualityGaps.map((row) => [row.optionId, row.gapToBest?.toFixed()])).toEqual([
      ["frontier", "0"],
      ["small", "-24"],
    ]);
    expect(result.warnings.map((warning) => warning.code)).toContain("quality-gap");
  });

  it("warns when demand exceeds the capacity maxNodes allows, from the month it starts", () => {
    const result = compute(
      createScenario([createOwnedOption({ maxNodes: "1" })], {
        workload: {
          volume: { kind: "requests", requestsPerMonth: "1314000" },
          inputTokensPerRequest: "1000",
          outputTokensPerRequest: "100",
          cachedInputShare: "0",
          growth: { rate: "0.1", per: "month" },
          peakToAverage: "1",
          batchEligibleShare: "0",
        },
      }),
    );
    const shortfall = result.options[0]?.warnings.find((warning) => warning.code === "capacity-shortfall");
    expect(shortfall?.month).toBe(1);
    expect(result.options[0]?.monthly[1]?.servedRequests.lt(result.options[0]?.monthly[1]?.demandRequests ?? 0)).toBe(true);
  });
});
