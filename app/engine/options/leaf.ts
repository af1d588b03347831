import type { LeafParams } from "../params.ts";
import { computeApi } from "./api.ts";
import type { ModelContext, OptionSeries } from "./context.ts";
import { computeOwned } from "./owned.ts";
import { computeRented } from "./rented.ts";

/** The series of an API, owned-GPU or rented-GPU option (or hybrid part) meeting `demand`. */
export function computeLeaf<T>(ctx: ModelContext<T>, option: LeafParams<T>, demand: T[], creditResidualValue: boolean): OptionSeries<T> {
  if (option.kind === "api") return computeApi(ctx, option, demand);
  if (option.kind === "owned-gpu") return computeOwned(ctx, option, demand, creditResidualValue);
  return computeRented(ctx, option, demand);
}
