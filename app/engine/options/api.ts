import type { ApiParams } from "../params.ts";
import { addExtras, createSeries, geometricSeries, monthlyFactor, opexLine, scaled, type ModelContext, type OptionSeries } from "./context.ts";

const TOKENS_PER_MILLION = 1_000_000;

/**
 * API bills: per-request price × requests, falling by the option's own yearly price decline (no opex
 * inflation). The long-context tier is priced on its `tokenShare` of tokens; its `aboveInputTokens` is
 * only recorded, since the workload gives average request sizes, not their distribution.
 */
export function computeApi<T>(ctx: ModelContext<T>, option: ApiParams<T>, demand: T[]): OptionSeries<T> {
  const { A } = ctx;
  const series = createSeries(option.id, demand);
  const inputTokens = ctx.inputTokensPerRequest;
  const outputTokens = scaled(ctx, ctx.outputTokensPerRequest, "output-tokens");
  const cachedTokens = A.mul(inputTokens, ctx.cachedInputShare);
  const uncachedTokens = A.sub(inputTokens, cachedTokens);
  const tierCost = (input: T, cached: T, output: T) =>
    A.add(A.add(A.mul(uncachedTokens, input), A.mul(cachedTokens, cached)), A.mul(outputTokens, output));
  let perRequest = tierCost(option.inputPricePerMillion, option.cachedInputPricePerMillion, option.outputPricePerMillion);
  const long = option.longContext;
  if (long) {
    const longCost = tierCost(long.inputPricePerMillion, long.cachedInputPricePerMillion, long.outputPricePerMillion);
    perRequest = A.add(A.mul(perRequest, A.sub(A.one, long.tokenShare)), A.mul(longCost, long.tokenShare));
  }
  // Batch discount on the batch-eligible share; premium and commitment apply to the whole bill.
  perRequest = A.mul(perRequest, A.sub(A.one, A.mul(ctx.batchEligibleShare, option.batchDiscount)));
  perRequest = A.mul(perRequest, A.add(A.one, option.residencyPremium));
  perRequest = A.mul(perRequest, A.sub(A.one, option.commitmentDiscount));
  perRequest = scaled(ctx, A.div(perRequest, A.fromInt(TOKENS_PER_MILLION)), "api-prices");
  const decline = monthlyFactor(A, A.sub(A.one, option.priceDeclinePerYear));
  if (demand === ctx.demand) {
    // The whole demand is geometric (first × growth^m) and so is the price: one product series.
    series.opex.api = geometricSeries(A, A.mul(demand[0] as T, perRequest), A.mul(ctx.monthlyGrowth, decline), ctx.months);
  } else {
    const line = opexLine(ctx, series, "api");
    let pricePerRequest = perRequest;
    for (let m = 0; m < ctx.months; m++) {
      line[m] = A.mul(demand[m] as T, pricePerRequest);
      pricePerRequest = A.mul(pricePerRequest, decline);
    }
  }
  addExtras(ctx, series, option.extras);
  return series;
}
