import { describe, expect, it } from "vitest";
import { Decimal, formatPercent, getMinorUnits, roundMoney, serializeResult } from "~/engine";
import { decimalArithmetic, floatArithmetic } from "~/engine/arithmetic";
import { computeBreakEvenMonth } from "~/engine/break-even";
import { addMonths, daysBetween } from "~/engine/calendar";
import { computeQuantile, createPrng, sampleTriangular } from "~/engine/monte-carlo";

const series = (...values: number[]) => values.map((value) => new Decimal(value));

describe("computeBreakEvenMonth", () => {
  it.each([
    ["A always cheaper", [1, 2, 3], [2, 3, 4], 0],
    ["A never cheaper", [5, 6, 7], [1, 2, 3], null],
    ["crosses once at index 2", [10, 11, 12, 13], [5, 9, 12, 20], 2],
    ["equal counts as at or below", [3, 3, 3], [3, 3, 3], 0],
    ["cheaper, then dearer at the end: never", [1, 2, 9], [2, 3, 4], null],
    ["dips below then back above, then below for good", [1, 5, 2, 3], [2, 4, 3, 4], 2],
  ])("%s", (_name, a, b, expected) => {
    expect(computeBreakEvenMonth(series(...a), series(...b))).toBe(expected);
  });
});

describe("calendar", () => {
  it.each([
    ["2027-01", 0, "2027-01"],
    ["2027-01", 11, "2027-12"],
    ["2027-01", 12, "2028-01"],
    ["2027-11", 14, "2029-01"],
    ["2027-03", 119, "2037-02"],
  ])("%s + %i months = %s", (start, offset, expected) => {
    expect(addMonths(start, offset)).toBe(expected);
  });

  it.each([
    ["2026-01-01", "2026-01-01", 0],
    ["2026-05-29", "2026-11-25", 180],
    ["2023-12-31", "2026-11-25", 1060],
    ["2024-02-28", "2024-03-01", 2],
    ["2026-11-25", "2026-11-24", -1],
  ])("days from %s to %s = %i", (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe("twelfth roots (annual → monthly compounding)", () => {
  it.each(["1.03", "0.7", "1.4", "2", "0.01"])("(%s)^(1/12), raised to 12, gives the input back to 38 digits", (value) => {
    const root = decimalArithmetic.twelfthRoot(new Decimal(value));
    expect(root.pow(12).toSignificantDigits(38).eq(new Decimal(value))).toBe(true);
    expect(Math.abs(floatArithmetic.twelfthRoot(Number(value)) - root.toNumber())).toBeLessThan(1e-15);
  });
});

describe("format: rounding only for people, half-even to the currency's minor units", () => {
  it.each([
    ["1234.565", "USD", "1234.56"],
    ["1234.575", "USD", "1234.58"],
    ["1234.5", "JPY", "1234"],
    ["1235.5", "JPY", "1236"],
    ["0.0005", "USD", "0"],
    ["-12.345", "EUR", "-12.34"],
    ["12345678901234567.891", "USD", "12345678901234567.89"],
  ])("roundMoney(%s, %s) = %s", (value, currency, expected) => {
    expect(roundMoney(value, currency)).toBe(expected);
  });

  it("knows minor units", () => {
    expect([getMinorUnits("USD"), getMinorUnits("JPY"), getMinorUnits("BHD")]).toEqual([2, 0, 3]);
    expect(roundMoney("1.0005", "BHD")).toBe("1");
  });

  it("formats percentages", () => {
    expect(formatPercent("0.12345")).toBe("12.3 %");
    expect(formatPercent("0.5", 0)).toBe("50 %");
  });
});

describe("serializeResult", () => {
  it("turns every Decimal into its exact string and keeps the shape", () => {
    const value = { a: new Decimal("0.1").plus("0.2"), list: [new Decimal("1e-12"), { b: new Decimal("123456789012345678901234567890") }], n: 3, s: "x", none: null };
    expect(serializeResult(value)).toEqual({ a: "0.3", list: ["0.000000000001", { b: "123456789012345678901234567890" }], n: 3, s: "x", none: null });
  });

  it("refuses non-finite numbers", () => {
    expect(() => serializeResult({ x: Number.NaN })).toThrow(/non-finite/);
  });
});

describe("Monte Carlo primitives", () => {
  it("the PRNG is seeded and reproducible", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const drawsA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(drawsA);
    expect(c()).not.toBe(drawsA[0]);
    expect(drawsA.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it.each([
    [{ min: 0, mode: 0.5, max: 1 }, 0, 0],
    [{ min: 0, mode: 0.5, max: 1 }, 0.5, 0.5],
    [{ min: 0, mode: 0, max: 1 }, 0.75, 0.5],
    [{ min: 2, mode: 2, max: 2 }, 0.3, 2],
  ])("triangular inverse CDF of %j at u = %d is %d", (range, u, expected) => {
    expect(sampleTriangular(range, u)).toBeCloseTo(expected, 12);
  });

  it("triangular samples have the distribution's mean", () => {
    const random = createPrng(7);
    const range = { min: 0.6, mode: 1, max: 1.7 };
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += sampleTriangular(range, random());
    expect(sum / 20000).toBeCloseTo((0.6 + 1 + 1.7) / 3, 2);
  });

  it("quantiles interpolate between ranks", () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5]);
    expect([computeQuantile(sorted, 0), computeQuantile(sorted, 0.5), computeQuantile(sorted, 0.9), computeQuantile(sorted, 1)]).toEqual([1, 3, 4.6, 5]);
  });
});
