import { DEFAULT_TORNADO_HIGH, DEFAULT_TORNADO_LOW, DRIVERS, type Catalogue } from "~/engine";
import { applyCatalogueEntry, applyDeployment, BINDINGS, listDeployments, type LeafKind } from "~/catalogue/bindings.ts";
import { getAtPath, isJsonObject, type JsonObject } from "~/scenarios/paths.ts";

/**
 * New options, list items and optional blocks with sensible defaults: catalogue picks where the
 * catalogue has a value (converted at the scenario's exchange rate), the engine's documented defaults
 * elsewhere. Every default is visible and editable in the form.
 */

export type OptionKind = LeafKind | "hybrid";

export const OPTION_KIND_LABELS: Record<OptionKind, string> = {
  api: "API",
  "owned-gpu": "Owned GPUs",
  "rented-gpu": "Rented GPUs",
  hybrid: "Hybrid",
};

/** The catalogue entries a new option of each kind starts from. */
const STARTING_PICKS: Record<LeafKind, Record<string, string>> = {
  api: { "api-price": "api.openai.gpt-5-mini" },
  "owned-gpu": {
    quality: "quality.gpt-oss-120b",
    gpu: "gpu.h100-sxm",
    server: "server.hgx-8gpu",
    throughput: "throughput.gpt-oss-120b.h100",
    energy: "energy.us-industrial",
    salary: "salary.us-software-developer",
    licence: "licence.nvidia-ai-enterprise",
    trends: "trend.hardware",
  },
  "rented-gpu": {
    quality: "quality.gpt-oss-120b",
    rental: "rent.lambda.h100",
    throughput: "throughput.gpt-oss-120b.h100",
    salary: "salary.us-software-developer",
  },
};

const STAFFING = { fte: "1", loadedCostPerFteYear: "0", rampUpMonths: "3" };
const CAPACITY = { targetUtilisation: "0.6", redundancyNodes: "1", setupCost: "0" };
const PLACEHOLDER_THROUGHPUT = { prefillTokensPerSecondPerGpu: "1", decodeTokensPerSecondPerGpu: "1", concurrency: "1" };

function createBlankLeaf(kind: LeafKind, id: string): JsonObject {
  const identity = { id, name: `New ${OPTION_KIND_LABELS[kind]} option`, extraCostsPerYear: [] };
  switch (kind) {
    case "api":
      return {
        kind,
        ...identity,
        model: { name: "gpt-5-mini" },
        inputPricePerMillion: "1",
        cachedInputPricePerMillion: "0",
        outputPricePerMillion: "1",
        batchDiscount: "0",
        // Global processing: no residency premium. A regional deployment brings its catalogue premium.
        residencyPremium: "0",
        commitmentDiscount: "0",
        priceDeclinePerYear: "0.2",
      };
    case "owned-gpu":
      return {
        kind,
        ...identity,
        model: { name: "open-weight model" },
        gpu: { name: "GPU", unitPrice: "1", powerKw: "1" },
        server: { name: "Server", gpusPerNode: "8", baseNodePrice: "0", baseNodePowerKw: "0" },
        throughput: PLACEHOLDER_THROUGHPUT,
        ...CAPACITY,
        staffing: STAFFING,
        hardwarePriceDeclinePerYear: "0",
        energyEfficiencyGainPerYear: "0",
        refreshCycleMonths: "36",
        resaleValueShare: "0",
        depreciation: { method: "straight-line", usefulLifeMonths: "36" },
        pue: "1.5",
        electricityPricePerKwh: "0.1",
        facility: { kind: "own-facility", costPerMonth: "0" },
        networkStorageShareOfCapex: "0.1",
        maintenanceShareOfCapexPerYear: "0.05",
        softwareLicencePerGpuYear: "0",
      };
    case "rented-gpu":
      return {
        kind,
        ...identity,
        model: { name: "open-weight model" },
        gpuName: "NVIDIA H100",
        pricing: "on-demand",
        pricePerGpuHour: "1",
        gpusPerNode: "8",
        priceDeclinePerYear: "0.15",
        throughput: PLACEHOLDER_THROUGHPUT,
        ...CAPACITY,
        staffing: STAFFING,
        softwareLicencePerGpuYear: "0",
      };
  }
}

/**
 * Where new options are deployed: null without a compliance profile (no deployment needed), else the
 * country a customer-chosen placement defaults to (the company's own).
 */
export type NewDeployment = { location: string } | null;

/** A new leaf option of `kind`, filled from its starting catalogue picks; with a deployment when the scenario has a compliance profile. */
export function createLeafOption(kind: LeafKind, id: string, perUsd: unknown, deployment: NewDeployment, catalogue: Catalogue): JsonObject {
  let option = createBlankLeaf(kind, id);
  for (const binding of BINDINGS[kind]) {
    const pick = STARTING_PICKS[kind][binding.id];
    if (pick !== undefined) option = applyCatalogueEntry(option, binding, pick, perUsd, catalogue);
  }
  const entry = listDeployments(kind)[0];
  if (deployment !== null && entry !== undefined) {
    const ref = applyDeployment({ location: deployment.location }, entry.id);
    option = { ...option, deployment: ref };
  }
  return option;
}

/** A new option of any kind; a hybrid starts as owned GPUs capped at one node overflowing to an API. */
export function createOption(kind: OptionKind, id: string, perUsd: unknown, deployment: NewDeployment, catalogue: Catalogue): JsonObject {
  if (kind !== "hybrid") return createLeafOption(kind, id, perUsd, deployment, catalogue);
  return {
    kind,
    id,
    name: "New hybrid option",
    mode: "overflow",
    extraCostsPerYear: [],
    // Capped at one serving node plus the default spare (maxNodes must exceed redundancyNodes).
    primary: { ...createLeafOption("owned-gpu", `${id}-primary`, perUsd, deployment, catalogue), maxNodes: "2" },
    secondary: createLeafOption("api", `${id}-secondary`, perUsd, deployment, catalogue),
  };
}

/** The first id of the form `${base}`, `${base}-2`, `${base}-3`… not used by any option. */
export function createUniqueId(options: readonly unknown[], base: string): string {
  const taken = new Set(options.map((option) => getAtPath(option, ["id"])));
  const stem = base.replace(/[^a-z0-9-]/g, "-").replace(/^-+/, "").slice(0, 56) || "option";
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A copy of an option under a fresh id and a "(copy)" name. */
export function duplicateOption(option: unknown, options: readonly unknown[]): JsonObject {
  const source = isJsonObject(option) ? option : {};
  const id = createUniqueId(options, `${String(source.id ?? "option")}-copy`);
  const name = typeof source.name === "string" ? `${source.name} (copy)` : "Copy";
  return { ...structuredClone(source), id, name };
}

/** The first driver not yet listed, for a new tornado or Monte Carlo range. */
export function nextDriver(ranges: unknown): (typeof DRIVERS)[number] {
  const used = new Set(Array.isArray(ranges) ? ranges.map((range) => getAtPath(range, ["driver"])) : []);
  return DRIVERS.find((driver) => !used.has(driver)) ?? DRIVERS[0];
}

export const createTornadoRange = (ranges: unknown) => ({ driver: nextDriver(ranges), low: DEFAULT_TORNADO_LOW, high: DEFAULT_TORNADO_HIGH });
export const createMonteCarloRange = (ranges: unknown) => ({ driver: nextDriver(ranges), min: "0.8", mode: "1", max: "1.2" });
export const createMonteCarlo = () => ({ draws: "2000", seed: "1", ranges: [createMonteCarloRange([])] });
export const createExtraCost = () => ({ category: "other", label: "Extra cost", amountPerYear: "0" });

/** A minimal compliance profile: internal data of a company in the US, processing anywhere, no regimes. */
export const createComplianceProfile = () => ({
  data: { classes: ["internal"], subjectJurisdictions: [], companyJurisdiction: "US" },
  processing: { kind: "any" },
  regimes: [],
  requirements: {},
});
