/**
 * Who the real server says is asking (ADR 014, "Who is asking"), as the log-in throttle records it:
 * the connection's address unless TRUST_PROXY names proxies of ours, and then the X-Forwarded-For entry
 * they wrote, never one the client wrote.
 */
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { hashEmail } from "~/models/login-attempt.server.ts";
import { getTrustedProxyCount, normaliseAddress } from "../../server/client-address.ts";
import { createUniqueEmail } from "../factories/index.ts";
import { requestFrom, startProductionServer, type ProductionServer } from "../factories/production-server.ts";

const CLIENT = "127.0.0.31";
const servers: ProductionServer[] = [];

/** Fails one log-in through `server` from CLIENT with `forwardedFor`; returns the address the attempt was recorded under. */
async function recordedAddress(server: ProductionServer, forwardedFor: string): Promise<string | null> {
  const email = createUniqueEmail("address");
  const body = new URLSearchParams({ email, password: "wrong password", redirectTo: "/" }).toString();
  const answer = await requestFrom(server, CLIENT, "/login", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwardedFor }, body });
  expect(answer.status).toBe(400);
  return (await prisma.loginAttempt.findFirstOrThrow({ where: { emailHash: hashEmail(email) } })).ip;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await prisma.loginAttempt.deleteMany({ where: { ip: { in: [CLIENT, "192.0.2.2"] } } });
});

describe("the client address on the real server", () => {
  it("without TRUST_PROXY is the connection's, whatever X-Forwarded-For says", async () => {
    const server = await startProductionServer({ TRUST_PROXY: "" });
    servers.push(server);
    expect(await recordedAddress(server, "192.0.2.1")).toBe(CLIENT);
  }, 240_000);

  it("with one trusted proxy is the entry that proxy wrote: the rightmost", async () => {
    const server = await startProductionServer({ TRUST_PROXY: "1" });
    servers.push(server);
    expect(await recordedAddress(server, "192.0.2.2")).toBe("192.0.2.2");
    // A client cannot step around its count by writing addresses of its own in front.
    expect(await recordedAddress(server, "203.0.113.9, 192.0.2.2")).toBe("192.0.2.2");
  }, 240_000);
});

describe("settings and forms", () => {
  it("reads TRUST_PROXY as a number of proxies", () => {
    expect([undefined, "", "0", "false", " FALSE "].map((value) => getTrustedProxyCount(value))).toEqual([0, 0, 0, 0, 0]);
    expect(getTrustedProxyCount("true")).toBe(1);
    expect(getTrustedProxyCount("2")).toBe(2);
    expect(() => getTrustedProxyCount("yes")).toThrow(/TRUST_PROXY/);
  });

  it("gives IPv4-mapped IPv6 as IPv4, IPv6 as its /64 network, and refuses what is no address", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("192.0.2.7")).toBe("192.0.2.7");
    // One subscriber's /64 is one client, whichever of its 2^64 addresses it writes from.
    for (const address of ["2001:DB8::1", "2001:db8:0:0:ffff:ffff:ffff:ffff", "2001:0db8:0000:0000::42%eth0", "2001:db8::192.0.2.1"]) {
      expect(normaliseAddress(address), address).toBe("2001:db8:0:0::/64");
    }
    expect(normaliseAddress("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    for (const garbled of ["1::2::3", "12345::1", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "g::1"]) expect(normaliseAddress(garbled), garbled).toBeNull();
    expect(normaliseAddress("not an address")).toBeNull();
    expect(normaliseAddress(undefined)).toBeNull();
  });
});
