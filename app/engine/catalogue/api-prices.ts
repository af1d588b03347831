import type { CatalogueEntry } from "./types.ts";

export type ApiPriceValues = {
  inputPricePerMillion: string;
  cachedInputPricePerMillion: string;
  outputPricePerMillion: string;
  batchDiscount: string;
};

const UNITS = {
  inputPricePerMillion: "USD per 1M input tokens",
  cachedInputPricePerMillion: "USD per 1M cached input tokens",
  outputPricePerMillion: "USD per 1M output tokens",
  batchDiscount: "fraction off for batch requests",
} as const;

const SNAPSHOT = "simonw/llm-prices and vendor price pages, snapshot 2026-08";
const SNAPSHOT_URL = "https://github.com/simonw/llm-prices";
/** Vendors list cached input at 0.1× (Anthropic) down to 0.02× (DeepSeek) of the input price. */
const CACHED_NOTE = "cached-input price taken as 0.1× the input price (the common vendor ratio); check the vendor page";
const BATCH_NOTE = "batch discount ~50 % (OpenAI, Anthropic, Gemini, Together batch APIs)";

function apiEntry(id: string, label: string, input: string, cached: string, output: string, batch: string, note: string, confidence: "high" | "medium" | "low" = "medium"): CatalogueEntry<ApiPriceValues> {
  return {
    id,
    label,
    values: { inputPricePerMillion: input, cachedInputPricePerMillion: cached, outputPricePerMillion: output, batchDiscount: batch },
    units: UNITS,
    source: SNAPSHOT,
    sourceUrl: SNAPSHOT_URL,
    asOf: "2026-08-01",
    confidence,
    note,
  };
}

export const API_PRICES: readonly CatalogueEntry<ApiPriceValues>[] = [
  apiEntry("api.openai.gpt-5.6-sol", "OpenAI gpt-5.6 sol", "5", "0.5", "30", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry("api.openai.gpt-5", "OpenAI gpt-5", "1.25", "0.125", "10", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry("api.openai.gpt-5-mini", "OpenAI gpt-5-mini", "0.25", "0.025", "2", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry("api.anthropic.claude-opus", "Anthropic Claude Opus 4.5–5", "5", "0.5", "25", "0.5", `cached input 0.1× (Anthropic); ${BATCH_NOTE}`, "high"),
  apiEntry("api.anthropic.claude-sonnet-5", "Anthropic Claude Sonnet 5", "2", "0.2", "10", "0.5", `cached input 0.1× (Anthropic); ${BATCH_NOTE}`, "high"),
  apiEntry("api.anthropic.claude-haiku-4.5", "Anthropic Claude Haiku 4.5", "1", "0.1", "5", "0.5", `cached input 0.1× (Anthropic); ${BATCH_NOTE}`, "high"),
  apiEntry("api.google.gemini-2.5-pro", "Google Gemini 2.5 Pro (≤200k context)", "1.25", "0.125", "10", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}; long-context tier above 200k tokens not included`),
  apiEntry("api.google.gemini-2.5-flash", "Google Gemini 2.5 Flash", "0.3", "0.03", "2.5", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry("api.mistral.large", "Mistral Large", "2", "0.2", "6", "0", `${CACHED_NOTE}; no batch discount recorded`, "low"),
  apiEntry("api.deepseek.v4-flash", "DeepSeek V4-flash", "0.14", "0.0028", "0.28", "0", "cached input 0.02× (DeepSeek); peak and off-peak tables conflict, peak used", "low"),
  apiEntry("api.together.gpt-oss-120b", "Together gpt-oss-120b (hosted open model)", "0.15", "0.015", "0.6", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry("api.together.llama-3.3-70b", "Together Llama-3.3-70B (hosted open model)", "0.88", "0.088", "0.88", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
];
