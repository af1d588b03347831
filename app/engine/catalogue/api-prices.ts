import { ANTHROPIC_PRICING, DEEPSEEK_PRICING, GEMINI_PRICING, LLM_PRICES, MISTRAL_PRICING, OPENAI_PRICING, TOGETHER_PRICING } from "./sources.ts";
import type { CatalogueEntry, PublishedSource } from "./types.ts";

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

/** Vendors list cached input at 0.1× (Anthropic) down to 0.02× (DeepSeek) of the input price. */
const CACHED_NOTE = "cached-input price taken as 0.1× the input price (the common vendor ratio); check the vendor page";
const BATCH_NOTE = "batch discount ~50 % (OpenAI, Anthropic, Gemini, Together batch APIs)";

/** Cited: the vendor's own price page first, then the llm-prices snapshot the figures were taken with. */
function apiEntry(vendor: PublishedSource, id: string, label: string, input: string, cached: string, output: string, batch: string, note: string, confidence: "high" | "medium" | "low" = "medium"): CatalogueEntry<ApiPriceValues> {
  return {
    id,
    label,
    values: { inputPricePerMillion: input, cachedInputPricePerMillion: cached, outputPricePerMillion: output, batchDiscount: batch },
    units: UNITS,
    sources: [vendor, LLM_PRICES],
    asOf: "2026-08-01",
    confidence,
    note,
  };
}

export const API_PRICES: readonly CatalogueEntry<ApiPriceValues>[] = [
  apiEntry(OPENAI_PRICING, "api.openai.gpt-5.6-sol", "OpenAI gpt-5.6 sol", "5", "0.5", "30", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry(OPENAI_PRICING, "api.openai.gpt-5", "OpenAI gpt-5", "1.25", "0.125", "10", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry(OPENAI_PRICING, "api.openai.gpt-5-mini", "OpenAI gpt-5-mini", "0.25", "0.025", "2", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry(ANTHROPIC_PRICING, "api.anthropic.claude-opus", "Anthropic Claude Opus 4.5–5", "5", "0.5", "25", "0.5", `cached input 0.1× (Anthropic); ${BATCH_NOTE}`, "high"),
  apiEntry(ANTHROPIC_PRICING, "api.anthropic.claude-sonnet-5", "Anthropic Claude Sonnet 5", "2", "0.2", "10", "0.5", `cached input 0.1× (Anthropic); ${BATCH_NOTE}`, "high"),
  apiEntry(ANTHROPIC_PRICING, "api.anthropic.claude-haiku-4.5", "Anthropic Claude Haiku 4.5", "1", "0.1", "5", "0.5", `cached input 0.1× (Anthropic); ${BATCH_NOTE}`, "high"),
  apiEntry(GEMINI_PRICING, "api.google.gemini-2.5-pro", "Google Gemini 2.5 Pro (≤200k context)", "1.25", "0.125", "10", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}; long-context tier above 200k tokens not included`),
  apiEntry(GEMINI_PRICING, "api.google.gemini-2.5-flash", "Google Gemini 2.5 Flash", "0.3", "0.03", "2.5", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry(MISTRAL_PRICING, "api.mistral.large", "Mistral Large", "2", "0.2", "6", "0", `${CACHED_NOTE}; no batch discount recorded`, "low"),
  apiEntry(DEEPSEEK_PRICING, "api.deepseek.v4-flash", "DeepSeek V4-flash", "0.14", "0.0028", "0.28", "0", "cached input 0.02× (DeepSeek); peak and off-peak tables conflict, peak used", "low"),
  apiEntry(TOGETHER_PRICING, "api.together.gpt-oss-120b", "Together gpt-oss-120b (hosted open model)", "0.15", "0.015", "0.6", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
  apiEntry(TOGETHER_PRICING, "api.together.llama-3.3-70b", "Together Llama-3.3-70B (hosted open model)", "0.88", "0.088", "0.88", "0.5", `${CACHED_NOTE}; ${BATCH_NOTE}`),
];
