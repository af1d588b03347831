import { AA_GPT_OSS, AA_LEADERBOARD } from "./sources.ts";
import type { CatalogueEntry } from "./types.ts";

export type ModelQualityValues = { benchmark: string; version: string; score: string };

const AA = "Artificial Analysis Intelligence Index";

function qualityEntry(id: string, label: string, version: "v4.0" | "v3", score: string, asOf: string, note?: string): CatalogueEntry<ModelQualityValues> {
  return {
    id,
    label,
    values: { benchmark: AA, version, score },
    units: { benchmark: "name", version: "index version (scores never compared across versions)", score: "index points" },
    sources: [version === "v3" ? AA_GPT_OSS : AA_LEADERBOARD],
    asOf,
    confidence: "medium",
    ...(note === undefined ? {} : { note }),
  };
}

/** v4.0 (since 2026-01-06) scores are late May 2026; v3 scores are August 2025 and not comparable with v4. */
export const MODEL_QUALITY: readonly CatalogueEntry<ModelQualityValues>[] = [
  qualityEntry("quality.gpt-5.5-xhigh", "GPT-5.5 (xhigh)", "v4.0", "60", "2026-05-31"),
  qualityEntry("quality.claude-opus-4.7", "Claude Opus 4.7 (max)", "v4.0", "57", "2026-05-31"),
  qualityEntry("quality.gemini-3.1-pro", "Gemini 3.1 Pro Preview", "v4.0", "57", "2026-05-31"),
  qualityEntry("quality.qwen3.7-max", "Qwen3.7-Max (open weights)", "v4.0", "57", "2026-05-31"),
  qualityEntry("quality.gpt-oss-120b", "gpt-oss-120b (high)", "v4.0", "33", "2026-05-31"),
  qualityEntry("quality.gpt-oss-120b.v3", "gpt-oss-120b", "v3", "58", "2025-08-31"),
  qualityEntry("quality.gpt-oss-20b.v3", "gpt-oss-20b", "v3", "48", "2025-08-31"),
  qualityEntry("quality.deepseek-r1-0528.v3", "DeepSeek R1 0528", "v3", "59", "2025-08-31"),
];
