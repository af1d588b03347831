/**
 * An option's monthly results, totals and NPV from its model series, in one pass. Lines an option
 * never uses are skipped rather than added as zeros: Decimal additions dominate the recompute time.
 */
import { decimalArithmetic } from "./arithmetic.ts";
import type { Decimal } from "./decimal.ts";
import { OPEX_CATEGORIES, type OpexCategory, type OptionSeries } from "./options/context.ts";
import type { MonthResult, Totals } from "./results.ts";

const D = decimalArithmetic;

export interface MonthlyResults {
  monthly: MonthResult[];
  totals: Totals;
  npv: Decimal;
}

/** Every opex category at zero, in OPEX_CATEGORIES order: one object literal per month, not ten writes. */
function createZeroOpex(): Record<OpexCategory, Decimal> {
  const zero = D.zero;
  return { api: zero, "gpu-rental": zero, power: zero, facility: zero, maintenance: zero, licences: zero, staff: zero, setup: zero, compliance: zero, other: zero };
}

export function buildMonthlyResults(calendarMonths: readonly string[], series: OptionSeries<Decimal>, tokens: TokenCache, discountFactors: readonly Decimal[]): MonthlyResults {
  const zero = D.zero;
  const months = series.demandRequests.length;
  const categories = OPEX_CATEGORIES.filter((category) => series.opex[category] !== undefined);
  const lines = categories.map((category) => series.opex[category] as Decimal[]);
  const { capex, resaleCredit, residualCredit, depreciation, disposalLoss } = series.capital;
  const opexTotals = lines.map(() => zero);
  const hasCapital = capex !== undefined || resaleCredit !== undefined || residualCredit !== undefined;
  const totals = { capex: zero, resaleCredit: zero, residualCredit: zero, opex: zero, cash: zero, depreciation: zero, disposalLoss: zero, accounting: zero };
  const { input, output, served: servedTotal } = tokens.get(series.servedRequests);
  let npv = zero;
  // While no month so far had a capital line, the accounting view is the cash view month by month,
  // so its running total is the cash total.
  let viewsAgree = true;
  // 1 / capacity, recomputed only when the capacity's value changes (it changes only at purchases,
  // retirements and scaling).
  let reciprocalOf: Decimal | null = null;
  let reciprocal = zero;
  const monthly: MonthResult[] = new Array<MonthResult>(months);
  for (let m = 0; m < months; m++) {
    const opex = createZeroOpex();
    let opexTotal = zero;
    for (let i = 0; i < lines.length; i++) {
      const amount = (lines[i] as Decimal[])[m] as Decimal;
      opex[categories[i] as OpexCategory] = amount;
      if (amount.isZero()) continue;
      opexTotal = opexTotal.isZero() ? amount : opexTotal.plus(amount);
      // With a single category its total is the opex total, added once below.
      if (lines.length > 1) opexTotals[i] = (opexTotals[i] as Decimal).plus(amount);
    }
    const monthCapex = capex?.[m] ?? zero;
    const monthResale = resaleCredit?.[m] ?? zero;
    const monthResidual = residualCredit?.[m] ?? zero;
    const monthDepreciation = depreciation?.[m] ?? zero;
    const monthDisposal = disposalLoss?.[m] ?? zero;
    const capitalFree = monthCapex.isZero() && monthResale.isZero() && monthResidual.isZero() && monthDepreciation.isZero() && monthDisposal.isZero();
    let cash = opexTotal;
    if (!monthCapex.isZero()) cash = cash.plus(monthCapex);
    if (!monthResale.isZero()) cash = cash.minus(monthResale);
    if (!monthResidual.isZero()) cash = cash.minus(monthResidual);
    let accounting = opexTotal;
    if (!monthDepreciation.isZero()) accounting = accounting.plus(monthDepreciation);
    if (!monthDisposal.isZero()) accounting = accounting.plus(monthDisposal);
    if (!monthCapex.isZero()) totals.capex = totals.capex.plus(monthCapex);
    if (!monthResale.isZero()) totals.resaleCredit = totals.resaleCredit.plus(monthResale);
    if (!monthResidual.isZero()) totals.residualCredit = totals.residualCredit.plus(monthResidual);
    if (!monthDepreciation.isZero()) totals.depreciation = totals.depreciation.plus(monthDepreciation);
    if (!monthDisposal.isZero()) totals.disposalLoss = totals.disposalLoss.plus(monthDisposal);
    if (!opexTotal.isZero()) totals.opex = totals.opex.plus(opexTotal);
    // Without capital lines cash is opex month by month, so its running total is the same value.
    totals.cash = hasCapital ? totals.cash.plus(cash) : totals.opex;
    viewsAgree &&= capitalFree;
    totals.accounting = viewsAgree ? totals.cash : totals.accounting.plus(accounting);
    if (!cash.isZero()) npv = npv.plus(cash.times(discountFactors[m] as Decimal));
    const served = series.servedRequests[m] as Decimal;
    const capacity = series.capacityReferenceGpus?.[m] ?? zero;
    monthly[m] = {
      index: m,
      calendarMonth: calendarMonths[m] as string,
      capex: monthCapex,
      resaleCredit: monthResale,
      residualCredit: monthResidual,
      opex,
      opexTotal,
      cash,
      cumulativeCash: totals.cash,
      depreciation: monthDepreciation,
      disposalLoss: monthDisposal,
      accounting,
      cumulativeAccounting: totals.accounting,
      demandRequests: series.demandRequests[m] as Decimal,
      servedRequests: served,
      inputTokens: input[m] as Decimal,
      outputTokens: output[m] as Decimal,
      gpusInService: series.gpusInService?.[m] ?? 0,
      utilisation: capacity.isZero() ? zero : (series.busyReferenceGpus?.[m] as Decimal).times(reciprocalOf?.eq(capacity) ? reciprocal : (reciprocal = D.one.div((reciprocalOf = capacity)))),
    };
  }
  const opexByCategory = {} as Record<OpexCategory, Decimal>;
  for (const category of OPEX_CATEGORIES) opexByCategory[category] = zero;
  categories.forEach((category, i) => (opexByCategory[category] = lines.length > 1 ? (opexTotals[i] as Decimal) : totals.opex));
  return {
    monthly,
    npv,
    totals: { ...totals, opexByCategory, servedRequests: servedTotal, inputTokens: input.total, outputTokens: output.total },
  };
}

/** Tokens per month of a served-requests series, shared by every option serving the same series. */
interface ServedTokens {
  input: Decimal[] & { total: Decimal };
  output: Decimal[] & { total: Decimal };
  served: Decimal;
}

export class TokenCache {
  private readonly known = new Map<Decimal[], ServedTokens>();
  constructor(private readonly inputPerRequest: Decimal, private readonly outputPerRequest: Decimal) {}

  get(served: Decimal[]): ServedTokens {
    const cached = this.known.get(served);
    if (cached) return cached;
    let total = D.zero;
    for (const requests of served) total = total.plus(requests);
    const tokens = { input: this.multiply(served, this.inputPerRequest), output: this.multiply(served, this.outputPerRequest), served: total };
    this.known.set(served, tokens);
    return tokens;
  }

  private multiply(served: Decimal[], perRequest: Decimal): Decimal[] & { total: Decimal } {
    let total = D.zero;
    const line = served.map((requests) => {
      const tokens = requests.times(perRequest);
      total = total.plus(tokens);
      return tokens;
    });
    return Object.assign(line, { total });
  }
}
