import { describe, expect, it } from "vitest";
import { parseEntryFields } from "~/catalogue/entries.ts";
import { planPriceImport } from "~/catalogue/import-plan.ts";
import { parsePriceFile } from "~/catalogue/price-import.ts";
import { BUILT_IN_CATALOGUE, createCatalogue } from "~/engine";
import { buildLiteLlmText, chatEntry } from "../../fixtures/litellm.ts";

const h100 = { id: "gpu.h100-sxm", kind: "gpus", label: "NVIDIA H100 SXM", "value.unitPrice": "30000.50", "value.powerKw": "0.70", sourceNote: "negotiated H100 price, MSA 2026-09", asOf: "2026-09-15" };

describe("an override or own entry from form fields", () => {
  it("takes a built-in id's kind whatever the form says, and stores canonical decimal strings", () => {
    expect(parseEntryFields({ ...h100, kind: "apiPrices" }, BUILT_IN_CATALOGUE)).toEqual({
      ok: true,
      entry: { id: "gpu.h100-sxm", kind: "gpus", label: "NVIDIA H100 SXM", values: { unitPrice: "30000.5", powerKw: "0.7" }, sourceNote: "negotiated H100 price, MSA 2026-09", asOf: "2026-09-15" },
    });
  });

  it.each([
    [{ "value.unitPrice": "-1" }, "value.unitPrice", 'Unit price: must be a decimal string such as "12.5" (no sign, no exponent)'],
    [{ "value.unitPrice": "1e4" }, "value.unitPrice", 'Unit price: must be a decimal string such as "12.5" (no sign, no exponent)'],
    [{ "value.powerKw": undefined }, "value.powerKw", "Power: required"],
    [{ "value.unitPrice": "2000000000000" }, "value.unitPrice", "Unit price: must be at most 1000000000000"],
    [{ sourceNote: "" }, "sourceNote", "Source note: required"],
    [{ sourceNote: "note\u202Eexe" }, "sourceNote", "Source note: must not contain control or invisible formatting characters"],
    [{ asOf: "2026-02-30" }, "asOf", "As of: must be a date YYYY-MM-DD"],
    [{ label: "x".repeat(201) }, "label", "Label: at most 200 characters"],
    [{ id: "GPU.H100" }, "id", "Catalogue id: must be lowercase letters, digits, '.' and '-' (at most 80)"],
  ])("refuses %j naming the field and its rule", (change, field, message) => {
    const result = parseEntryFields({ ...h100, ...change }, BUILT_IN_CATALOGUE);
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({ [field]: message });
  });

  it("an own entry needs a group whose values it gives, and may not take an id of another group", () => {
    const own = { id: "rent.eu-cloud.h100", kind: "gpuRentals", label: "EU cloud H100", "value.pricePerGpuHour": "2.5", "value.gpusPerNode": "8", sourceNote: "quote", asOf: "2026-10-01" };
    expect(parseEntryFields(own, BUILT_IN_CATALOGUE).ok).toBe(true);
    expect(parseEntryFields({ ...own, kind: "modelQuality" }, BUILT_IN_CATALOGUE)).toMatchObject({ ok: false, fieldErrors: { kind: expect.stringMatching(/^Kind: must be one of apiPrices, gpus/) } });
    const withGpu = createCatalogue({ number: 1, entries: [{ id: "rent.eu-cloud.h100", kind: "gpus", label: "x", values: { unitPrice: "1", powerKw: "1" }, sourceNote: "n", asOf: "2026-10-01" }] });
    expect(parseEntryFields(own, withGpu)).toMatchObject({ ok: false, fieldErrors: { id: 'Catalogue id: "rent.eu-cloud.h100" is already an entry of GPUs' } });
  });
});

describe("a price import's plan", () => {
  const text = buildLiteLlmText([
    ["gpt-5", chatEntry("openai", "1.25e-06", "1e-05", "1.25e-07")],
    ["claude-sonnet-5", chatEntry("anthropic", "3e-06", "1.5e-05")],
    ["mistral/mistral-small-latest", chatEntry("mistral", "1e-07", "3e-07")],
    ["openrouter/meta-llama/llama-4-maverick", chatEntry("openrouter", "1.5e-07", "6e-07")],
  ]);
  const parsed = parsePriceFile(text, "prices.json");

  it("overrides changed prices keeping what the file does not give, adds new models cautiously, and leaves out ids scenarios cannot name", () => {
    expect(parsed.problems).toEqual([]);
    const plan = planPriceImport(BUILT_IN_CATALOGUE, parsed, { fileName: "prices.json", today: "2026-12-01" });
    expect(plan.entries).toEqual([
      {
        id: "api.anthropic.claude-sonnet-5",
        kind: "apiPrices",
        label: "Anthropic Claude Sonnet 5",
        values: { inputPricePerMillion: "3", cachedInputPricePerMillion: "0.2", outputPricePerMillion: "15", batchDiscount: "0.5" },
        sourceNote: "Imported from prices.json (litellm)",
        asOf: "2026-12-01",
      },
      {
        id: "api.mistral.mistral-small-latest",
        kind: "apiPrices",
        label: "mistral mistral-small-latest",
        values: { inputPricePerMillion: "0.1", cachedInputPricePerMillion: "0.1", outputPricePerMillion: "0.3", batchDiscount: "0" },
        sourceNote: "Imported from prices.json (litellm)",
        asOf: "2026-12-01",
      },
    ]);
    expect(plan.preview.unchanged).toBe(1);
    expect(plan.notImported).toEqual([expect.objectContaining({ key: "api.openrouter.meta-llama/llama-4-maverick", line: expect.any(Number) })]);
  });

  it("plans nothing against a catalogue that already holds the file's prices", () => {
    const first = planPriceImport(BUILT_IN_CATALOGUE, parsed, { fileName: "prices.json", today: "2026-12-01" });
    const after = createCatalogue({ number: 1, entries: first.entries });
    expect(planPriceImport(after, parsed, { fileName: "prices.json", today: "2026-12-02" }).entries).toEqual([]);
  });
});
