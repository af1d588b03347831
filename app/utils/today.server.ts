/**
 * The day results are computed for ("YYYY-MM-DD", UTC). The engine never reads the clock; routes pass
 * this in. OPENTCO_TODAY pins it (tests, reproducing an old computation).
 */
export function getToday(): string {
  const pinned = process.env.OPENTCO_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Date().toISOString().slice(0, 10);
}
