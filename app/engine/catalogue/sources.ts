/**
 * The public documents the built-in catalogue cites, located in November 2026. Dates follow
 * PublishedSource: a document's own full date when it states one; otherwise the day its figures were
 * read (price pages and leaderboards: the snapshot the entries are dated by; other pages: 2026-11-01).
 */
import type { PublishedSource } from "./types.ts";

/** Pages without a full date of their own, read in November 2026. */
const READ_NOVEMBER = "2026-11-01";
/** The API price snapshot (simonw/llm-prices and the vendors' pages). */
const API_SNAPSHOT = "2026-08-01";

function published(publisher: string, title: string, urls: readonly [string, ...string[]], date: string): PublishedSource {
  return { kind: "published", publisher, title, urls, date };
}

// API prices
export const LLM_PRICES = published("Simon Willison", "simonw/llm-prices (GitHub); llm-prices.com", ["https://github.com/simonw/llm-prices", "https://www.llm-prices.com/"], API_SNAPSHOT);
export const OPENAI_PRICING = published("OpenAI", "API pricing", ["https://developers.openai.com/api/docs/pricing"], API_SNAPSHOT);
export const ANTHROPIC_PRICING = published("Anthropic", "Pricing (Claude Docs)", ["https://platform.claude.com/docs/en/about-claude/pricing"], API_SNAPSHOT);
export const GEMINI_PRICING = published("Google", "Gemini Developer API pricing", ["https://ai.google.dev/gemini-api/docs/pricing"], API_SNAPSHOT);
export const MISTRAL_PRICING = published("Mistral AI", "Mistral AI pricing", ["https://mistral.ai/pricing"], API_SNAPSHOT);
export const DEEPSEEK_PRICING = published("DeepSeek", "Models & Pricing (DeepSeek API Docs)", ["https://api-docs.deepseek.com/quick_start/pricing"], API_SNAPSHOT);
export const TOGETHER_PRICING = published("Together AI", "Together AI pricing; Serverless models", ["https://www.together.ai/pricing", "https://docs.together.ai/docs/serverless/models"], API_SNAPSHOT);

// Model quality
export const AA_LEADERBOARD = published(
  "Artificial Analysis",
  "LLM leaderboard; Intelligence Benchmarking Methodology (Intelligence Index v4.0)",
  ["https://artificialanalysis.ai/leaderboards/models", "https://artificialanalysis.ai/methodology/intelligence-benchmarking"],
  "2026-05-31",
);
export const AA_GPT_OSS = published("Artificial Analysis", "Analysis of OpenAI's gpt-oss models (Intelligence Index v3)", ["https://artificialanalysis.ai/articles/analysis-openai-gpt-oss-models"], "2025-08-31");

// GPUs and servers
export const CLOUDZERO_H100 = published("CloudZero", "H100 GPU cost analysis, 2026 (buy vs rent)", ["https://www.cloudzero.com/blog/h100-gpu-cost/"], "2026-06-01");
export const AI_INTEL_TCO = published("AI Intel Report", "On-Premise AI Cost & TCO: The Real 2026 Breakdown", ["https://aiintelreport.com/enterprise-ai/on-premise-ai-cost-tco"], "2026-06-14");
export const FP4_TCO = published("fp4.dev", "H100 vs H200 vs B200 inference cost comparison (TCO)", ["https://www.fp4.dev/silicon/h100-h200-b200-tco/"], "2026-03-01");
export const ALPHA_ONE_INDEX = published(
  "Alpha One Index",
  "AI Infrastructure Index",
  ["https://alpha-one-index.github.io/ai-infra-index/", "https://alpha-one-index.github.io/ai-infra-index/llms-full.txt"],
  "2026-03-01",
);
export const LENOVO_TCO = published(
  "Lenovo Press",
  "On-Premise vs Cloud: Generative AI Total Cost of Ownership (LP2225)",
  ["https://lenovopress.lenovo.com/lp2225-on-premise-vs-cloud-generative-ai-total-cost-of-ownership", "https://lenovopress.lenovo.com/lp2225.pdf"],
  "2025-05-23",
);

// Rented GPUs
export const COSTNIMBUS = published("Cost Nimbus", "GPU Cost Management for ML Teams: A Practical Playbook", ["https://costnimbus.com/article/gpu-cost-management-ml-teams"], "2026-03-14");
export const LAMBDA_PRICING = published("Lambda", "Lambda pricing", ["https://lambda.ai/pricing"], "2026-03-01");
export const RUNPOD_PRICING = published("RunPod", "RunPod pricing", ["https://www.runpod.io/pricing"], "2026-03-01");
export const HYPERSTACK_PRICING = published("Hyperstack (NexGen Cloud)", "Hyperstack GPU pricing", ["https://www.hyperstack.cloud/gpu-pricing"], "2026-08-26");

// Throughput
export const GPUSTACK_GPT_OSS_120B = published("GPUStack", "Optimizing GPT-OSS-120B Throughput on NVIDIA H100 GPUs", ["https://docs.gpustack.ai/latest/performance-lab/gpt-oss-120b/h100"], "2026-06-01");
export const GPUSTACK_GPT_OSS_20B = published("GPUStack", "Optimizing GPT-OSS-20B Throughput on NVIDIA H100 GPUs", ["https://docs.gpustack.ai/latest/performance-lab/gpt-oss-20b/h100"], "2026-06-01");

// Energy and facilities
export const EIA_ELECTRIC_POWER_ANNUAL = published(
  "U.S. Energy Information Administration",
  "Electric Power Annual: Table 2.4, average price of electricity to ultimate customers by end-use sector; average revenue per kWh by state (data for 2023)",
  ["https://www.eia.gov/electricity/annual/html/epa_02_04.html", "https://www.eia.gov/electricity/annual/secrev-map.php"],
  READ_NOVEMBER,
);
export const EUROSTAT_ELECTRICITY = published(
  "Eurostat",
  "Electricity price statistics, Statistics Explained (H2 2023 data)",
  ["https://ec.europa.eu/eurostat/statistics-explained/index.php?title=Electricity_price_statistics&oldid=412280"],
  "2024-04-25",
);
export const UPTIME_SURVEY_2023 = published(
  "Uptime Institute",
  "Uptime Institute Global Data Center Survey 2023 (average PUE 1.58)",
  ["https://intelligence.uptimeinstitute.com/resource/uptime-institute-global-data-center-survey-2023"],
  READ_NOVEMBER,
);
export const UPTIME_LARGE_EFFICIENT = published(
  "Uptime Institute",
  "Large data centers are mostly more efficient, analysis confirms",
  ["https://intelligence.uptimeinstitute.com/resource/large-data-centers-are-mostly-more-efficient-analysis-confirms"],
  "2023-11-23",
);
export const CBRE_NORTH_AMERICA_H2_2024 = published("CBRE", "North America Data Center Trends H2 2024", ["https://www.cbre.com/insights/reports/north-america-data-center-trends-h2-2024"], "2025-02-26");
export const CBRE_GLOBAL_2025 = published("CBRE", "Global Data Center Trends 2025", ["https://www.cbre.com/insights/reports/global-data-center-trends-2025"], READ_NOVEMBER);

// Staff and licences
export const BLS_SOFTWARE_DEVELOPERS = published(
  "U.S. Bureau of Labor Statistics",
  "Occupational Outlook Handbook: Software Developers, Quality Assurance Analysts, and Testers",
  ["https://www.bls.gov/ooh/computer-and-information-technology/software-developers.htm"],
  READ_NOVEMBER,
);
export const BLS_DATA_SCIENTISTS = published("U.S. Bureau of Labor Statistics", "Occupational Outlook Handbook: Data Scientists", ["https://www.bls.gov/ooh/math/data-scientists.htm"], READ_NOVEMBER);
export const NVIDIA_AI_ENTERPRISE_LICENSING = published(
  "NVIDIA",
  "NVIDIA AI Enterprise Licensing Guide: Pricing; Licensing",
  [
    "https://docs.nvidia.com/ai-enterprise/planning-resource/licensing-guide/latest/pricing.html",
    "https://docs.nvidia.com/ai-enterprise/planning-resource/licensing-guide/latest/licensing.html",
  ],
  READ_NOVEMBER,
);

// Trends
export const STANFORD_AI_INDEX_2025 = published(
  "Stanford HAI",
  "The 2025 AI Index Report; chapter: Technical Performance",
  ["https://hai.stanford.edu/ai-index/2025-ai-index-report", "https://hai.stanford.edu/ai-index/2025-ai-index-report/technical-performance"],
  READ_NOVEMBER,
);
export const EPOCH_HARDWARE = published("Epoch AI", "Machine Learning Hardware (data hub)", ["https://epoch.ai/data/machine-learning-hardware"], READ_NOVEMBER);
