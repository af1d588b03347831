import { Decimal } from "./decimal.ts";

/**
 * The arithmetic the monthly model is written against, so that one model serves two number types:
 * Decimal for every deterministic result (exact to 40 significant digits), and float64 for Monte Carlo
 * draws and the float64 reference benchmark, where speed matters more than the last cent.
 * Node counts are plain JS integers in both (they are counts, not money).
 */
export interface Arithmetic<T> {
  readonly zero: T;
  readonly one: T;
  fromDecimal(value: Decimal): T;
  fromInt(value: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  /** a^b for a > 0 (sensitivity multipliers of growth). */
  pow(a: T, b: T): T;
  /** a^(1/12) for a > 0: annual → monthly compounding. */
  twelfthRoot(a: T): T;
  min(a: T, b: T): T;
  /** Smallest integer ≥ a, as a JS number (a is a node count, far below 2^53). */
  ceilToInt(a: T): number;
  gt(a: T, b: T): boolean;
  eq(a: T, b: T): boolean;
  isZero(a: T): boolean;
  isPositive(a: T): boolean;
  toDecimal(a: T): Decimal;
}

/**
 * Memo of twelfth roots: a recompute after one edited input meets the same yearly rates again, and a
 * root costs as much as a few hundred multiplications. Bounded so a long session cannot grow it.
 */
const twelfthRoots = new Map<string, Decimal>();
const TWELFTH_ROOT_MEMO_SIZE = 512;

const TWELVE = new Decimal(12);
const ELEVEN = new Decimal(11);

/**
 * x^(1/12) for x > 0 by Newton's method, y ← (11·y + x / y^11) / 12, from a float64 first guess
 * (≈15 correct digits); each step doubles the correct digits, so two steps (≈60) exceed the 40-digit
 * precision. Several times cheaper than pow's exp(ln(x)/12).
 */
function computeTwelfthRootByNewton(value: Decimal): Decimal {
  if (value.eq(1)) return value;
  let root = new Decimal(Math.pow(value.toNumber(), 1 / 12));
  for (let step = 0; step < 2; step++) {
    const square = root.times(root);
    const eighth = square.times(square).times(square.times(square));
    const eleventh = eighth.times(square).times(root);
    root = root.times(ELEVEN).plus(value.div(eleventh)).div(TWELVE);
  }
  return root;
}

function computeTwelfthRoot(value: Decimal): Decimal {
  const key = value.toString();
  const known = twelfthRoots.get(key);
  if (known !== undefined) return known;
  const root = computeTwelfthRootByNewton(value);
  if (twelfthRoots.size >= TWELFTH_ROOT_MEMO_SIZE) twelfthRoots.clear();
  twelfthRoots.set(key, root);
  return root;
}

const DECIMAL_ZERO = new Decimal(0);
const DECIMAL_ONE = new Decimal(1);

export const decimalArithmetic: Arithmetic<Decimal> = {
  zero: DECIMAL_ZERO,
  one: DECIMAL_ONE,
  fromDecimal: (value) => value,
  fromInt: (value) => new Decimal(value),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  pow: (a, b) => a.pow(b),
  twelfthRoot: computeTwelfthRoot,
  min: (a, b) => (a.lte(b) ? a : b),
  ceilToInt: (a) => a.ceil().toNumber(),
  gt: (a, b) => a.gt(b),
  eq: (a, b) => a.eq(b),
  isZero: (a) => a.isZero(),
  isPositive: (a) => a.gt(0),
  toDecimal: (a) => a,
};

/** float64 arithmetic: used for Monte Carlo sampling and the float64 reference benchmark only. */
export const floatArithmetic: Arithmetic<number> = {
  zero: 0,
  one: 1,
  fromDecimal: (value) => value.toNumber(),
  fromInt: (value) => value,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => a ** b,
  twelfthRoot: (a) => a ** (1 / 12),
  min: (a, b) => (a <= b ? a : b),
  // 1e-9 absorbs float error so that 3.0000000001 GPUs is not a fourth node.
  ceilToInt: (a) => Math.ceil(a - 1e-9),
  gt: (a, b) => a > b,
  eq: (a, b) => a === b,
  isZero: (a) => a === 0,
  isPositive: (a) => a > 0,
  toDecimal: (a) => new Decimal(a),
};
