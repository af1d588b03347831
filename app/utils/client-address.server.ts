/**
 * The client's network address, for the per-address log-in ceiling (docs/decisions/004-sessions.md,
 * "Brute force"). remix-serve hands actions a Fetch Request without the peer socket, so the only
 * source is X-Forwarded-For, and that header is written by whoever sends the request: it is read
 * only when TRUST_PROXY says how many proxies of ours stand in front of the app.
 *
 * TRUST_PROXY: unset, "", "0" or "false" → the header is ignored and the address is unknown (null);
 * "true" → one proxy; a positive integer n → n proxies. Each proxy appends the address it received
 * the request from, so the client is the n-th entry from the right; entries further left were
 * written by the client and are not trusted.
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

/** The client address by the rule above, or null when it cannot be known. */
export function getClientAddress(request: Request): string | null {
  const proxies = getTrustedProxyCount();
  if (proxies === 0) return null;
  const header = request.headers.get("X-Forwarded-For");
  if (!header) return null;
  const entries = header.split(",").map((entry) => entry.trim());
  const candidate = entries[Math.max(0, entries.length - proxies)] ?? "";
  return ADDRESS.test(candidate) ? candidate.toLowerCase() : null;
}
