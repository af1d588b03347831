/** readForm's refusal of control characters names the field, whatever the field is called (issue 13, fuzz finding). */
import { describe, expect, it } from "vitest";
import { readForm } from "~/utils/form.server.ts";

function post(body: string): Request {
  return new Request("http://opentco.test/login", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
}

describe("a control character in a form field", () => {
  it.each([
    ["email=a%00b", "Email: must not contain control characters (found U+0000)"],
    ["=%00", 'Field "": must not contain control characters (found U+0000)'],
    ["__proto__=%00", 'Field "__proto__": must not contain control characters (found U+0000)'],
    ["constructor=%07", 'Field "constructor": must not contain control characters (found U+0007)'],
    ["toString=%1b", 'Field "toString": must not contain control characters (found U+001B)'],
    ["a%E2%80%AEb=%00", 'Field "a\\u202eb": must not contain control characters (found U+0000)'],
    ["x%00y=1", 'Field "x\\u0000y": must not contain control characters (found U+0000)'],
  ])("%s is a 400 whose message names the field", async (body, message) => {
    const read = await readForm(post(body));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.status).toBe(400);
    expect(read.failure.formError).toBe(message);
    expect(Object.values(read.failure.fieldErrors)).toEqual([message]);
  });

  it("keys the field's error by its own name, __proto__ included", async () => {
    const read = await readForm(post("__proto__=%00"));
    if (read.ok) throw new Error("not refused");
    expect(Object.keys(read.failure.fieldErrors)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(read.failure.fieldErrors)).toBe(Object.prototype);
  });
});
