/** The shape of a scenario's result (ScenarioResult) and its parts. Money in the scenario currency, nominal, unrounded. */
import type { CatalogueValueUsed } from "./catalogue-usage.ts";
import type { Catalogue } from "./catalogue/organisation.ts";
import type { ComplianceProfile, OptionCompliance } from "./compliance/index.ts";
import type { Decimal } from "./decimal.ts";
import type { CapacityEvent, OpexCategory } from "./options/context.ts";
import type { Option } from "./scenario.ts";
import type { Warning } from "./warning-texts.ts";

/** One month of one option. Money in the scenario currency, nominal, unrounded. */
export interface MonthResult {
  /** 0-based month index; calendarMonth is "YYYY-MM". */
  index: number;
  calendarMonth: string;
  capex: Decimal;
  /** Resale proceeds of retired hardware (positive, subtracted from cash). */
  resaleCredit: Decimal;
  /** Residual value of hardware still held at the horizon end (last month only; positive, subtracted). */
  residualCredit: Decimal;
  opex: Record<OpexCategory, Decimal>;
  opexTotal: Decimal;
  /** Cash view: capex − resale − residual + opex. Depreciation is never part of it. */
  cash: Decimal;
  cumulativeCash: Decimal;
  /** Accounting view: opex + depreciation + loss on disposal. Capex is never part of it. */
  depreciation: Decimal;
  disposalLoss: Decimal;
  accounting: Decimal;
  cumulativeAccounting: Decimal;
  demandRequests: Decimal;
  servedRequests: Decimal;
  inputTokens: Decimal;
  outputTokens: Decimal;
  gpusInService: number;
  /** Average busy share of the GPUs in service (0 when none). */
  utilisation: Decimal;
}

export interface Totals {
  capex: Decimal;
  resaleCredit: Decimal;
  residualCredit: Decimal;
  opexByCategory: Record<OpexCategory, Decimal>;
  opex: Decimal;
  cash: Decimal;
  depreciation: Decimal;
  disposalLoss: Decimal;
  accounting: Decimal;
  servedRequests: Decimal;
  inputTokens: Decimal;
  outputTokens: Decimal;
}

export interface CapacityEventResult extends CapacityEvent {
  calendarMonth: string;
  /** e.g. "buy 2 nodes (16 GPUs) in month 14 (2028-02)"; months are 1-based in text. */
  text: string;
}

export interface QualityRow {
  optionId: string;
  modelName: string;
  benchmark: string | null;
  version: string | null;
  score: Decimal | null;
  source: string | null;
  asOf: string | null;
  /** Score minus the best score of the compared options on the same benchmark and version. */
  gapToBest: Decimal | null;
}

export interface OptionResult {
  id: string;
  name: string;
  kind: Option["kind"];
  monthly: MonthResult[];
  totals: Totals;
  /** Net present value of the cash view, month m discounted by (1 + r)^(m/12); a cost, so positive. */
  npv: Decimal;
  costPerMillionTokens: {
    /** Cash total ÷ (input + output tokens served) × 1,000,000; null when no token was served. */
    value: Decimal | null;
    basis: "cash total per 1M input+output tokens served";
  };
  breakEven: { otherId: string; month: number | null; calendarMonth: string | null }[];
  capacityEvents: CapacityEventResult[];
  warnings: Warning[];
  catalogueValues: CatalogueValueUsed[];
  /** Verdict, reasons (with requirement and source) and SEAL levels; null without a compliance profile. */
  compliance: OptionCompliance | null;
}

export interface ScenarioResult {
  schemaVersion: 1;
  name: string;
  /** The date staleness was judged against (passed in; the engine never reads the clock). */
  asOf: string;
  startMonth: string;
  horizonMonths: number;
  currency: { code: string; perUsd: Decimal; asOf: string; source: string };
  discountRatePerYear: Decimal;
  creditResidualValue: boolean;
  options: OptionResult[];
  qualityGaps: QualityRow[];
  warnings: Warning[];
  /** The profile judged against and the cheapest option that is not blocked; null without a profile. */
  compliance: { profile: ComplianceProfile; cheapestCompliantOptionId: string | null; costBasis: string } | null;
}

export interface ComputeSettings {
  /** "YYYY-MM-DD": the day the results are for, used for staleness warnings. */
  asOf: string;
  /** The catalogue the scenario was validated against (an organisation's); the built-in one when absent. */
  catalogue?: Catalogue;
}
