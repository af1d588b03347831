/**
 * Who is asking: the client address the throttles count by (docs/decisions/014-app-server.md).
 *
 * Without a proxy the address is the TCP peer's, which a client cannot forge. Behind reverse proxies
 * of ours, TRUST_PROXY says how many there are: each appends the address it received the request from
 * to X-Forwarded-For, so the client is the n-th entry from the right (entries further left were
 * written by the client). Express implements exactly that rule for a numeric "trust proxy" setting.
 */

/**
 * TRUST_PROXY: unset, "", "0" or "false" → 0 (X-Forwarded-* are ignored and stripped); "true" → 1;
 * a positive integer n → n proxies.
 */
export function getTrustedProxyCount(value = process.env.TRUST_PROXY): number {
  const setting = value?.trim().toLowerCase() ?? "";
  if (setting === "" || setting === "0" || setting === "false") return 0;
  if (setting === "true") return 1;
  const count = Number(setting);
  if (!Number.isInteger(count) || count < 0) throw new Error(`TRUST_PROXY must be "true", "false" or a number of proxies, not ${JSON.stringify(value)}`);
  return count;
}

// IPv4, IPv6 (with an optional zone or embedded IPv4): 45 characters at most.
const ADDRESS = /^[0-9A-Fa-f.:%]{2,45}$/;

/**
 * The address as the throttles key it: lower case, IPv4-mapped IPv6 ("::ffff:127.0.0.1") as IPv4,
 * or null when it is not an address (a garbled X-Forwarded-For entry).
 */
export function normaliseAddress(address: string | undefined): string | null {
  if (address === undefined || !ADDRESS.test(address)) return null;
  const lower = address.toLowerCase();
  return lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice("::ffff:".length) : lower;
}
