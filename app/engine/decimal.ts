import DecimalJs from "decimal.js";

/**
 * The one configured Decimal of the engine: import Decimal from here only.
 * 40 significant digits keep 120 months of compounding and per-token prices
 * exact far beyond any currency's minor unit; ROUND_HALF_EVEN is used only
 * where the engine itself must round (it rounds nothing but presentation).
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;
