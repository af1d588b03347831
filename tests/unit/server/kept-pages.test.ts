/**
 * The parts of kept pages (server/kept-pages.ts) that need no database: KEPT_PAGES, the stamp
 * question's refusal of values it cannot write in safely (server/page-stamp.ts), and the comparison
 * KEPT_PAGES=verify makes (server/kept-body.ts). The whole, against PostgreSQL and Remix, is
 * tests/integration/kept-pages.test.ts.
 */
import { describe, expect, it } from "vitest";
import { isSameBody, keepBody } from "../../../server/kept-body.ts";
import { readKeptPagesMode } from "../../../server/kept-pages.ts";
import { buildStampSql, type StampQuestion } from "../../../server/page-stamp.ts";

describe("KEPT_PAGES", () => {
  it("is on in production and off in development unless set, and names itself when it is wrong", () => {
    expect(readKeptPagesMode(undefined, "production")).toBe("on");
    expect(readKeptPagesMode("", "production")).toBe("on");
    expect(readKeptPagesMode(undefined, "development")).toBe("off");
    for (const mode of ["on", "off", "verify"] as const) expect(readKeptPagesMode(mode, "production")).toBe(mode);
    expect(() => readKeptPagesMode("yes", "production")).toThrow('KEPT_PAGES: must be on, off or verify, not "yes"');
  });
});

describe("the stamp question", () => {
  const question: StampQuestion = { tokenHash: "a".repeat(64), slug: "acme-1", scenarioId: "cm0abc", now: new Date("2026-12-02T09:00:00.123Z"), seenSince: new Date("2026-12-02T08:59:00.123Z") };

  it("writes in the values it was given, the times as UTC timestamps", () => {
    const sql = buildStampSql(question);
    expect(sql).toContain(`EXECUTE opentco_page_user('${"a".repeat(64)}', '2026-12-02 09:00:00.123'::timestamp, '2026-12-02 08:59:00.123'::timestamp);`);
    expect(sql).toContain("EXECUTE opentco_page_org('acme-1');");
    expect(sql).toContain("EXECUTE opentco_page_stamp('cm0abc');");
  });

  it("refuses a value that could carry a quote or anything else than its pattern", () => {
    expect(() => buildStampSql({ ...question, slug: "x'; DROP TABLE \"User\"; --" })).toThrow("page stamp: slug does not match");
    expect(() => buildStampSql({ ...question, scenarioId: "Abc" })).toThrow("page stamp: scenarioId does not match");
    expect(() => buildStampSql({ ...question, tokenHash: "g".repeat(64) })).toThrow("page stamp: tokenHash does not match");
  });
});

describe("verify's comparison", () => {
  const render = (nonce: string, name: string) => `<p>${name}</p><script nonce="${nonce}">a()</script><link nonce="${nonce}">`;

  it("sees the same page under another nonce, and any other difference", () => {
    const kept = keepBody(render("n1", "Support assistant"), "n1");
    expect(isSameBody(kept, render("n2", "Support assistant"), "n2")).toBe(true);
    expect(isSameBody(kept, render("n2", "Support assistants"), "n2")).toBe(false);
    expect(isSameBody(kept, `${render("n2", "Support assistant")}<script nonce="n2">`, "n2")).toBe(false);
  });
});
