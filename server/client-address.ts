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

// IPv4, IPv6 (with an optional embedded IPv4): 45 characters at most, then an optional zone ("%eth0").
const ADDRESS = /^[0-9A-Fa-f.:]{2,45}(?:%[0-9A-Za-z._-]{1,32})?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The key the throttles count a client by, or null when `address` is not an address (a garbled
 * X-Forwarded-For entry): IPv4 as it is (IPv4-mapped IPv6 such as "::ffff:127.0.0.1" included), IPv6
 * as its /64 network ("2001:db8:0:1::/64"). An IPv6 subscriber is given a whole /64 (RFC 6177) and can
 * pick any address in it, so counting per address would let one client spread guesses over 2^64 keys.
 */
export function normaliseAddress(address: string | undefined): string | null {
  if (address === undefined || !ADDRESS.test(address)) return null;
  const lower = address.toLowerCase();
  if (lower.startsWith("::ffff:") && IPV4.test(lower.slice("::ffff:".length))) return lower.slice("::ffff:".length);
  if (IPV4.test(lower)) return lower;
  const network = getIpv6Network64(lower.split("%")[0] ?? "");
  return network === null ? null : `${network}::/64`;
}

/** The first four 16-bit groups of an IPv6 address ("2001:db8:0:1"), without leading zeros, or null. */
function getIpv6Network64(address: string): string | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const [head = [], tail = []] = halves.map((half) => (half === "" ? [] : half.split(":")));
  const written = [...head, ...tail];
  // An embedded IPv4 in the last 32 bits ("64:ff9b::192.0.2.1") stands for two groups.
  const embeddedIpv4 = written.length > 0 && IPV4.test(written.at(-1) ?? "");
  const hexGroups = embeddedIpv4 ? written.slice(0, -1) : written;
  if (!hexGroups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  const count = written.length + (embeddedIpv4 ? 1 : 0);
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const groups = [...head, ...Array<string>(8 - count).fill("0"), ...tail];
  return groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":");
}
