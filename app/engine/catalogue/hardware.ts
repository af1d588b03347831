import {
  AI_INTEL_TCO,
  ALPHA_ONE_INDEX,
  CLOUDZERO_H100,
  COSTNIMBUS,
  FP4_TCO,
  GPUSTACK_GPT_OSS_120B,
  GPUSTACK_GPT_OSS_20B,
  HYPERSTACK_PRICING,
  LAMBDA_PRICING,
  LENOVO_TCO,
  RUNPOD_PRICING,
} from "./sources.ts";
import type { CatalogueEntry } from "./types.ts";

export type GpuValues = { unitPrice: string; powerKw: string };
export type ServerValues = { gpusPerNode: string; baseNodePrice: string; baseNodePowerKw: string };
export type RentalValues = { pricePerGpuHour: string; gpusPerNode: string };
export type ThroughputValues = { prefillTokensPerSecondPerGpu: string; decodeTokensPerSecondPerGpu: string; concurrency: string };

const GPU_UNITS = { unitPrice: "USD per GPU", powerKw: "kW per GPU (TDP)" } as const;

export const GPUS: readonly CatalogueEntry<GpuValues>[] = [
  { id: "gpu.h100-sxm", label: "NVIDIA H100 SXM", values: { unitPrice: "37500", powerKw: "0.7" }, units: GPU_UNITS, sources: [CLOUDZERO_H100, AI_INTEL_TCO], asOf: "2026-06-01", confidence: "medium", note: "quoted range 35,000–40,000; midpoint used" },
  { id: "gpu.h100-pcie", label: "NVIDIA H100 PCIe", values: { unitPrice: "25000", powerKw: "0.35" }, units: GPU_UNITS, sources: [CLOUDZERO_H100, AI_INTEL_TCO], asOf: "2026-06-01", confidence: "medium" },
  { id: "gpu.h200", label: "NVIDIA H200", values: { unitPrice: "37500", powerKw: "0.7" }, units: GPU_UNITS, sources: [FP4_TCO, ALPHA_ONE_INDEX], asOf: "2026-03-01", confidence: "low", note: "quoted range 35,000–40,000; midpoint used" },
  { id: "gpu.b200", label: "NVIDIA B200", values: { unitPrice: "60000", powerKw: "1" }, units: GPU_UNITS, sources: [FP4_TCO, ALPHA_ONE_INDEX], asOf: "2026-03-01", confidence: "low", note: "sources conflict (40,000 vs 60,000–70,000); the lower end of the larger, more recent quotes used" },
];

export const SERVERS: readonly CatalogueEntry<ServerValues>[] = [
  {
    id: "server.hgx-8gpu",
    label: "8-GPU HGX server (H100/H200 class)",
    values: { gpusPerNode: "8", baseNodePrice: "25000", baseNodePowerKw: "4.6" },
    units: { gpusPerNode: "GPUs", baseNodePrice: "USD per node without GPUs", baseNodePowerKw: "kW per node without GPUs" },
    sources: [CLOUDZERO_H100, AI_INTEL_TCO, LENOVO_TCO],
    asOf: "2026-06-01",
    confidence: "low",
    note: "secondary quotes put an 8×H100 server at 250,000–400,000+ and ~10.2 kW per node (Lenovo quotes ~833,806 for an SR675 V3 8×H100); non-GPU share derived: 325,000 midpoint − 8 × 37,500 GPUs = 25,000; 10.2 kW − 8 × 0.7 kW = 4.6 kW",
  },
];

const RENTAL_UNITS = { pricePerGpuHour: "USD per GPU-hour", gpusPerNode: "GPUs per instance" } as const;

export const GPU_RENTALS: readonly CatalogueEntry<RentalValues>[] = [
  { id: "rent.lambda.h100", label: "Lambda H100 on-demand", values: { pricePerGpuHour: "2.99", gpusPerNode: "8" }, units: RENTAL_UNITS, sources: [LAMBDA_PRICING, COSTNIMBUS], asOf: "2026-03-01", confidence: "medium" },
  { id: "rent.runpod.h100", label: "RunPod H100", values: { pricePerGpuHour: "1.99", gpusPerNode: "8" }, units: RENTAL_UNITS, sources: [RUNPOD_PRICING, COSTNIMBUS], asOf: "2026-03-01", confidence: "medium" },
  { id: "rent.gcp.a3-high", label: "GCP A3-High (H100)", values: { pricePerGpuHour: "3", gpusPerNode: "8" }, units: RENTAL_UNITS, sources: [COSTNIMBUS], asOf: "2026-03-01", confidence: "medium" },
  { id: "rent.azure.nc-h100-v5", label: "Azure NC H100 v5", values: { pricePerGpuHour: "6.98", gpusPerNode: "8" }, units: RENTAL_UNITS, sources: [COSTNIMBUS], asOf: "2026-03-01", confidence: "medium" },
  { id: "rent.hyperstack.h100", label: "Hyperstack H100", values: { pricePerGpuHour: "3.2", gpusPerNode: "8" }, units: RENTAL_UNITS, sources: [HYPERSTACK_PRICING], asOf: "2026-08-01", confidence: "medium" },
  { id: "rent.hyperstack.h200", label: "Hyperstack H200", values: { pricePerGpuHour: "3.99", gpusPerNode: "8" }, units: RENTAL_UNITS, sources: [HYPERSTACK_PRICING], asOf: "2026-08-01", confidence: "medium" },
  { id: "rent.hyperstack.b200", label: "Hyperstack B200", values: { pricePerGpuHour: "6", gpusPerNode: "8" }, units: RENTAL_UNITS, sources: [HYPERSTACK_PRICING], asOf: "2026-08-01", confidence: "medium" },
];

const THROUGHPUT_UNITS = {
  prefillTokensPerSecondPerGpu: "input tokens per second per GPU",
  decodeTokensPerSecondPerGpu: "output tokens per second per GPU",
  concurrency: "concurrent requests",
} as const;

/**
 * No Llama 3.1 70B entry: its only figure (~460 tok/s at batch 64 on one H100) was credited to a page
 * that could not be found again, and no public source at hand states it.
 */
export const THROUGHPUT: readonly CatalogueEntry<ThroughputValues>[] = [
  {
    id: "throughput.gpt-oss-120b.h100",
    label: "gpt-oss-120b on H100 (vLLM 0.10, TP2, ShareGPT)",
    values: { prefillTokensPerSecondPerGpu: "8000", decodeTokensPerSecondPerGpu: "8000", concurrency: "64" },
    units: THROUGHPUT_UNITS,
    sources: [GPUSTACK_GPT_OSS_120B],
    asOf: "2026-06-01",
    confidence: "low",
    note: "source reports 16,000 total tok/s on 2×H100; halved per GPU and used for both prefill and decode (prefill is in truth faster, so this is conservative); concurrency not stated, 64 assumed",
  },
  {
    id: "throughput.gpt-oss-20b.h100",
    label: "gpt-oss-20b on 1×H100 (vLLM)",
    values: { prefillTokensPerSecondPerGpu: "19100", decodeTokensPerSecondPerGpu: "19100", concurrency: "64" },
    units: THROUGHPUT_UNITS,
    sources: [GPUSTACK_GPT_OSS_20B],
    asOf: "2026-06-01",
    confidence: "low",
    note: "source reports 19,100–33,800 total tok/s; the low end used for both prefill and decode; concurrency not stated, 64 assumed",
  },
];
