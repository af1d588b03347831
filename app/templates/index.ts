/**
 * Starting points for a new scenario: a blank one and the three worked examples of public/examples
 * (the same files the CLI documentation uses). Pure data, safe in the browser and on the server.
 */
import euPersonalData from "../../public/examples/eu-personal-data-compliance.json";
import fourOptions from "../../public/examples/four-options-60-months.json";
import hybridOverflow from "../../public/examples/hybrid-overflow-eur.json";

export interface ScenarioTemplate {
  id: string;
  title: string;
  description: string;
  /** Scenario input in the engine's v1 format (decimals as strings). */
  inputs: Record<string, unknown>;
}

const [frontierApi, , , rentedH100] = fourOptions.options;

/**
 * "Blank": the general settings and workload of the support-assistant example with two options (a
 * frontier API and rented H100s), so the first screen already shows a comparison to edit.
 */
const blank = {
  ...fourOptions,
  name: "Untitled scenario",
  options: [frontierApi, rentedH100],
  sensitivity: { tornado: [] },
};

export const SCENARIO_TEMPLATES: readonly ScenarioTemplate[] = [
  {
    id: "blank",
    title: "Blank scenario",
    description: "One workload, a frontier API against rented H100 GPUs, catalogue defaults throughout.",
    inputs: blank,
  },
  {
    id: "four-options",
    title: "Support assistant, four options",
    description: "Frontier API, hosted open model, owned H100 cluster and rented H100s over 60 months.",
    inputs: fourOptions,
  },
  {
    id: "eu-personal-data",
    title: "EU personal data under GDPR",
    description: "A compliance profile that rules out options exposed to foreign access laws.",
    inputs: euPersonalData,
  },
  {
    id: "hybrid-overflow",
    title: "Hybrid with API overflow, in EUR",
    description: "Owned GPUs up to a node cap, an API for the demand above it.",
    inputs: hybridOverflow,
  },
];

export function getScenarioTemplate(id: string): ScenarioTemplate | undefined {
  return SCENARIO_TEMPLATES.find((template) => template.id === id);
}
