/** A revision fingerprint as a reader types or pastes it from a printed report (ADR 007, ADR 012). */
export const FINGERPRINT_RULE = "Fingerprint: the 64 hexadecimal digits printed in the report's footer (spaces and line breaks are ignored)";

/** The fingerprint in canonical form (64 lowercase hex digits), or null when it cannot be one. */
export function parseFingerprint(raw: string): string | null {
  // Copied from a PDF, a fingerprint may carry spaces, line breaks or capitals.
  const fingerprint = raw.replace(/\s+/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(fingerprint) ? fingerprint : null;
}
