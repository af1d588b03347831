/**
 * Calendar arithmetic on ISO strings with integers only (the engine never reads the clock or uses Date).
 */

/** "YYYY-MM" plus `offset` months. */
export function addMonths(startMonth: string, offset: number): string {
  const year = Number(startMonth.slice(0, 4));
  const month = Number(startMonth.slice(5, 7)) - 1 + offset;
  const y = year + Math.floor(month / 12);
  const mm = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, "0")}-${String(mm + 1).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toEpochDay(isoDate: string): number {
  let y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}
