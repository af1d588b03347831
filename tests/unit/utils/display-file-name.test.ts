import { describe, expect, it } from "vitest";
import { displayFileName } from "~/utils/control-characters.ts";

describe("displayFileName", () => {
  it("turns runs of white space, control and invisible characters into one space", () => {
    expect(displayFileName("prices\u202E\u0007\t nov.csv")).toBe("prices nov.csv");
    expect(displayFileName("  a\r\nb.json ")).toBe("a b.json");
  });

  it("names a file with nothing visible in its name 'unnamed file'", () => {
    expect(displayFileName("   \n")).toBe("unnamed file");
    expect(displayFileName("\u200B\u0000")).toBe("unnamed file");
    expect(displayFileName("")).toBe("unnamed file");
  });

  it("cuts at 200 code points without splitting a surrogate pair", () => {
    const cut = displayFileName("😀".repeat(300));
    expect(Array.from(cut)).toHaveLength(200);
    expect(cut).toBe("😀".repeat(200));
  });
});
