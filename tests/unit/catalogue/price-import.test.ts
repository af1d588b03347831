import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CurrentApiPrice, ImportedPrice, PriceFileParse } from "~/catalogue/price-import.ts";
import { mapLiteLlmId, parsePriceFile, PRICE_FILE_MAX_BYTES, PRICE_FILE_MAX_ROWS, previewPriceImport } from "~/catalogue/price-import.ts";
import { CATALOGUE, Decimal } from "~/engine/index.ts";
import { buildDefaultLiteLlmText, buildLiteLlmText, chatEntry, lit, SAMPLE_SPEC } from "../../fixtures/litellm.ts";
import type { PriceFileRow } from "../../fixtures/price-files.ts";
import { lineOf, writePriceCsv, writePriceJson } from "../../fixtures/price-files.ts";

/** Rows as plain strings, so that expectations read like the file. */
function plain(rows: ImportedPrice[]) {
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    input: row.inputPricePerMillion.toFixed(),
    cached: row.cachedInputPricePerMillion?.toFixed() ?? null,
    output: row.outputPricePerMillion.toFixed(),
    line: row.line,
  }));
}

function expectOk(parse: PriceFileParse): ImportedPrice[] {
  expect(parse.problems).toEqual([]);
  return parse.rows;
}

const CSV = [
  "id,label,inputPricePerMillion,cachedInputPricePerMillion,outputPricePerMillion",
  "api.openai.gpt-5,OpenAI gpt-5,1.25,0.125,10",
  'api.mistral.large,"Mistral Large, 2026 list",2.00,,6',
  "",
].join("\n");

describe("parsePriceFile reads each format", () => {
  it("reads our CSV: exact decimals, a quoted label with a comma, an empty cached price as none, file lines", () => {
    const parse = parsePriceFile(CSV, "prices.csv");
    expect(parse.format).toBe("opentco-csv");
    expect(plain(expectOk(parse))).toEqual([
      { id: "api.openai.gpt-5", label: "OpenAI gpt-5", input: "1.25", cached: "0.125", output: "10", line: 2 },
      { id: "api.mistral.large", label: "Mistral Large, 2026 list", input: "2", cached: null, output: "6", line: 3 },
    ]);
  });

  it("reads our CSV with a byte-order mark, CRLF line ends, blank lines and the columns in another order", () => {
    const text = "\uFEFFoutputPricePerMillion,id,inputPricePerMillion\r\n\r\n10,api.openai.gpt-5,1.25\r\n";
    expect(plain(expectOk(parsePriceFile(text, "export.CSV")))).toEqual([{ id: "api.openai.gpt-5", label: null, input: "1.25", cached: null, output: "10", line: 3 }]);
  });

  it("reads our JSON: strings and numbers as exact decimals, asOf, the line where each row's object starts", () => {
    const text = [
      "{",
      '  "format": "opentco-prices/v1",',
      '  "currency": "USD",',
      '  "asOf": "2026-11-30",',
      '  "prices": [',
      '    { "id": "api.openai.gpt-5", "label": "OpenAI gpt-5", "inputPricePerMillion": "1.25", "cachedInputPricePerMillion": "0.125", "outputPricePerMillion": "10" },',
      "    {",
      '      "id": "api.deepseek.v4-flash",',
      '      "inputPricePerMillion": 0.14,',
      '      "cachedInputPricePerMillion": null,',
      '      "outputPricePerMillion": 2.8e-1',
      "    }",
      "  ]",
      "}",
    ].join("\n");
    const parse = parsePriceFile(text, "prices.json");
    expect(parse.format).toBe("opentco-json");
    expect(parse.asOf).toBe("2026-11-30");
    expect(plain(expectOk(parse))).toEqual([
      { id: "api.openai.gpt-5", label: "OpenAI gpt-5", input: "1.25", cached: "0.125", output: "10", line: 6 },
      { id: "api.deepseek.v4-flash", label: null, input: "0.14", cached: null, output: "0.28", line: 7 },
    ]);
  });

  it("reads LiteLLM's list: maps ids, converts per-token floats exactly, skips sample_spec and non-text modes", () => {
    const text = buildDefaultLiteLlmText();
    const parse = parsePriceFile(text, "model_prices_and_context_window.json");
    expect(parse.format).toBe("litellm");
    expect(plain(expectOk(parse))).toEqual([
      { id: "api.openai.gpt-5", label: "openai gpt-5", input: "1.25", cached: "0.125", output: "10", line: lineOf(text, '"gpt-5"') },
      { id: "api.anthropic.claude-sonnet-5", label: "anthropic claude-sonnet-5", input: "3", cached: "0.3", output: "15", line: lineOf(text, '"claude-sonnet-5"') },
      { id: "api.google.gemini-2.5-flash", label: "gemini gemini-2.5-flash", input: "0.3", cached: "0.03", output: "2.5", line: lineOf(text, '"gemini/gemini-2.5-flash"') },
      { id: "api.openrouter.meta-llama/llama-4-maverick", label: "openrouter meta-llama/llama-4-maverick", input: "0.15", cached: null, output: "0.6", line: lineOf(text, '"openrouter/') },
    ]);
    expect(parse.skipped).toEqual([
      { line: lineOf(text, '"text-embedding-3-small"'), key: "text-embedding-3-small", reason: 'mode "embedding": not a text-generation mode (chat, completion, responses)' },
      { line: lineOf(text, '"dall-e-3"'), key: "dall-e-3", reason: 'mode "image_generation": not a text-generation mode (chat, completion, responses)' },
    ]);
  });

  it("skips LiteLLM text rows priced per character or second, and keeps completion and responses rows", () => {
    const text = buildLiteLlmText([
      ["chat-bison", { input_cost_per_character: lit("2.5e-07"), litellm_provider: "vertex_ai-chat-models", mode: "chat", output_cost_per_character: lit("5e-07") }],
      ["gpt-3.5-turbo-instruct", chatEntry("text-completion-openai", "1.5e-06", "2e-06", undefined, "completion")],
      ["o3-pro", chatEntry("openai", "2e-05", "8e-05", undefined, "responses")],
    ]);
    const parse = parsePriceFile(text, "prices.json");
    expect(expectOk(parse).map((row) => row.id)).toEqual(["api.text-completion-openai.gpt-3.5-turbo-instruct", "api.openai.o3-pro"]);
    expect(parse.skipped).toEqual([{ line: 2, key: "chat-bison", reason: "has no per-token price (priced per character, second or request)" }]);
  });

  it("tells the JSON formats apart by content and a file without a known extension by its first character", () => {
    expect(parsePriceFile(writePriceJson([{ id: "api.openai.gpt-5", inputPricePerMillion: "1", outputPricePerMillion: "2" }]), "upload").format).toBe("opentco-json");
    expect(parsePriceFile(buildDefaultLiteLlmText(), "upload.txt").format).toBe("litellm");
    expect(parsePriceFile(CSV, "upload").format).toBe("opentco-csv");
  });
});

describe("LiteLLM id mapping", () => {
  it.each([
    ["gpt-5", "openai", "api.openai.gpt-5"],
    ["anthropic/claude-opus-4-5", "anthropic", "api.anthropic.claude-opus-4-5"],
    ["Claude-Haiku-4.5", "Anthropic", "api.anthropic.claude-haiku-4.5"],
    ["gemini/gemini-2.5-pro", "gemini", "api.google.gemini-2.5-pro"],
    ["together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo", "together_ai", "api.together.meta-llama/llama-3.3-70b-instruct-turbo"],
    ["openrouter/anthropic/claude-3.5-sonnet", "openrouter", "api.openrouter.anthropic/claude-3.5-sonnet"],
    ["us.writer.palmyra-x4-v1:0", "bedrock_converse", "api.bedrock_converse.us.writer.palmyra-x4-v1:0"],
  ])("%s of provider %s is %s", (key, provider, id) => {
    expect(mapLiteLlmId(key, provider)).toBe(id);
  });
});

describe("exact conversion of LiteLLM's per-token prices", () => {
  // The first four go wrong in float64 (1.7e-07 * 1e6 = 0.16999999999999998).
  it.each([
    ["1.7e-07", "0.17"],
    ["2e-07", "0.2"],
    ["1e-07", "0.1"],
    ["2.1e-08", "0.021"],
    ["1.25e-06", "1.25"],
    ["3e-07", "0.3"],
    ["2.1875e-06", "2.1875"],
    ["5.46875e-07", "0.546875"],
    ["1.1e-06", "1.1"],
    ["7e-07", "0.7"],
    ["0.0", "0"],
    ["1.5E-5", "15"],
    ["0.000015", "15"],
  ])("%s per token is %s per 1M", (perToken, perMillion) => {
    const text = buildLiteLlmText([["m", chatEntry("openai", perToken, perToken, perToken)]]);
    const [row] = expectOk(parsePriceFile(text, "litellm.json"));
    expect(row?.inputPricePerMillion.toFixed()).toBe(perMillion);
    expect(row?.cachedInputPricePerMillion?.toFixed()).toBe(perMillion);
    expect(row?.outputPricePerMillion.toFixed()).toBe(perMillion);
  });
});

/** The single problem of a file, as { line, key, field, reason }. */
function onlyProblem(text: string, fileName: string) {
  const parse = parsePriceFile(text, fileName);
  expect(parse.rows).toEqual([]);
  expect(parse.problems).toHaveLength(1);
  return parse.problems[0];
}

const CSV_HEADER = "id,label,inputPricePerMillion,cachedInputPricePerMillion,outputPricePerMillion";
const GOOD_CSV_ROW = "api.openai.gpt-5,OpenAI gpt-5,1.25,0.125,10";

describe("our CSV refuses bad rows, naming line, id, column and rule", () => {
  it.each([
    ["a negative price", "api.x.m,,-1,,2", "inputPricePerMillion", /must not be negative \(got -1\)/],
    ["NaN", "api.x.m,,1,,NaN", "outputPricePerMillion", /must be a finite number \(got NaN\)/],
    ["Infinity", "api.x.m,,1,Infinity,2", "cachedInputPricePerMillion", /must be a finite number \(got Infinity\)/],
    ["a word", "api.x.m,,cheap,,2", "inputPricePerMillion", /must be a decimal number such as 1.25.*"cheap"/],
    ["an exponent", "api.x.m,,1e-6,,2", "inputPricePerMillion", /without sign, exponent/],
    ["a missing input price", "api.x.m,,,,2", "inputPricePerMillion", /is missing/],
    ["a missing output price", "api.x.m,,1,,", "outputPricePerMillion", /is missing/],
    ["an absurd price", "api.x.m,,10000.01,,2", "inputPricePerMillion", /10000.01 USD per 1M tokens, above the 10000 limit/],
    ["too many decimal places", "api.x.m,,1,,0.0000000000001", "outputPricePerMillion", /more than 12 decimal places/],
    ["an upper-case id", "api.OpenAI.gpt-5,,1,,2", "id", /lower case/],
    ["an id without provider", "api.gpt-5,,1,,2", "id", /api.<provider>.<model>/],
    ["a control character in the id", "api.x.m\u0007,,1,,2", "id", /control or invisible character U\+0007/],
    ["a bidirectional override in the label", "api.x.m,evil\u202Elabel,1,,2", "label", /U\+202E/],
  ])("%s", (_name, row, field, reason) => {
    const problem = onlyProblem([CSV_HEADER, GOOD_CSV_ROW, row].join("\n"), "prices.csv");
    expect(problem).toMatchObject({ line: 3, field });
    expect(problem?.reason).toMatch(reason);
  });

  it("a duplicate id, naming the first line", () => {
    expect(onlyProblem([CSV_HEADER, GOOD_CSV_ROW, "api.x.m,,1,,2", GOOD_CSV_ROW].join("\n"), "prices.csv")).toEqual({
      line: 4,
      key: "api.openai.gpt-5",
      field: "id",
      reason: "the id api.openai.gpt-5 appears twice (first on line 2)",
    });
  });

  it("a row with a cell too many (an unquoted comma)", () => {
    expect(onlyProblem([CSV_HEADER, "api.x.m,Large, new,1,,2"].join("\n"), "prices.csv")).toMatchObject({ line: 2, key: "api.x.m", reason: expect.stringMatching(/has 6 cells where the header has 5/) });
  });

  it("a header with an unknown or missing column", () => {
    expect(onlyProblem("id,inputPricePerMilion,outputPricePerMillion\napi.x.m,1,2\n", "prices.csv")?.reason).toMatch(/unknown column "inputPricePerMilion"; the column inputPricePerMillion is missing/);
  });

  it("a quote left open, at the line where it opens", () => {
    expect(onlyProblem([CSV_HEADER, GOOD_CSV_ROW, 'api.x.m,"Large,1,,2', "api.y.m,,1,,2"].join("\n"), "prices.csv")).toEqual({ line: 3, reason: "a quoted field is not closed" });
  });

  it("lists every bad row, not only the first", () => {
    const parse = parsePriceFile([CSV_HEADER, "api.x.a,,-1,,2", GOOD_CSV_ROW, "api.x.b,,1,,x"].join("\n"), "prices.csv");
    expect(parse.problems.map((problem) => [problem.line, problem.key, problem.field])).toEqual([
      [2, "api.x.a", "inputPricePerMillion"],
      [4, "api.x.b", "outputPricePerMillion"],
    ]);
  });
});

describe("our JSON refuses bad rows and headers, naming line, id, field and rule", () => {
  const row = (fields: string) => `{ "id": "api.x.m", ${fields} }`;
  const file = (rowText: string, head = '"format": "opentco-prices/v1", "currency": "USD", "asOf": "2026-11-30"') =>
    `{\n  ${head},\n  "prices": [\n    { "id": "api.openai.gpt-5", "inputPricePerMillion": "1.25", "outputPricePerMillion": "10" },\n    ${rowText}\n  ]\n}\n`;

  it.each([
    ["a negative number", row('"inputPricePerMillion": -0.5, "outputPricePerMillion": "2"'), "inputPricePerMillion", /must not be negative \(got -0.5\)/],
    ["a negative string", row('"inputPricePerMillion": "-0.5", "outputPricePerMillion": "2"'), "inputPricePerMillion", /must not be negative/],
    ["NaN as a bare word", row('"inputPricePerMillion": NaN, "outputPricePerMillion": "2"'), "inputPricePerMillion", /must be a finite number \(got NaN\)/],
    ["Infinity as a string", row('"inputPricePerMillion": "1", "outputPricePerMillion": "Infinity"'), "outputPricePerMillion", /must be a finite number \(got Infinity\)/],
    ["a boolean", row('"inputPricePerMillion": true, "outputPricePerMillion": "2"'), "inputPricePerMillion", /must be a decimal string such as "1.25" or a number, not true/],
    ["a missing output price", row('"inputPricePerMillion": "1"'), "outputPricePerMillion", /is missing/],
    ["an absurd price", row('"inputPricePerMillion": "1", "outputPricePerMillion": 25000'), "outputPricePerMillion", /above the 10000 limit; prices are per 1M tokens/],
    ["a misspelt field", row('"inputPricePerMillion": "1", "outputPricePerMillion": "2", "outputPricePerMilion": "3"'), "outputPricePerMilion", /unknown field/],
    ["a field given twice", row('"inputPricePerMillion": "1", "outputPricePerMillion": "2", "inputPricePerMillion": "3"'), "inputPricePerMillion", /appears twice \(first on line 5\)/],
    ["a control character in the id", '{ "id": "api.x.m\\u0000", "inputPricePerMillion": "1", "outputPricePerMillion": "2" }', "id", /U\+0000/],
  ])("%s", (_name, rowText, field, reason) => {
    const problem = onlyProblem(file(rowText), "prices.json");
    expect(problem).toMatchObject({ line: 5, field });
    expect(problem?.reason).toMatch(reason);
  });

  it("a duplicate id, naming the first line", () => {
    const text = file('{ "id": "api.openai.gpt-5", "inputPricePerMillion": "2", "outputPricePerMillion": "10" }');
    expect(onlyProblem(text, "prices.json")).toEqual({ line: 5, key: "api.openai.gpt-5", field: "id", reason: "the id api.openai.gpt-5 appears twice (first on line 4)" });
  });

  it.each([
    ["another format", '"format": "opentco-prices/v2", "currency": "USD", "asOf": "2026-11-30"', "format", /must be "opentco-prices\/v1", not the string "opentco-prices\/v2"/],
    ["another currency", '"format": "opentco-prices/v1", "currency": "EUR", "asOf": "2026-11-30"', "currency", /must be "USD"/],
    ["a day that does not exist", '"format": "opentco-prices/v1", "currency": "USD", "asOf": "2026-02-29"', "asOf", /YYYY-MM-DD/],
    ["no date", '"format": "opentco-prices/v1", "currency": "USD"', "asOf", /\(missing\)/],
  ])("a header with %s", (_name, head, field, reason) => {
    const problem = onlyProblem(file(row('"inputPricePerMillion": "1", "outputPricePerMillion": "2"'), head), "prices.json");
    expect(problem).toMatchObject({ field });
    expect(problem?.reason).toMatch(reason);
  });

  it("a syntax error, at its line", () => {
    expect(onlyProblem(file(row('"inputPricePerMillion": "1" "outputPricePerMillion": "2"')), "prices.json")).toEqual({ line: 5, reason: expect.stringMatching(/^not valid JSON: expected "," or "}" in an object/) });
  });

  it("a JSON array instead of an object", () => {
    expect(onlyProblem("[]", "prices.json")?.reason).toMatch(/must be an object/);
  });
});

describe("LiteLLM files with bad rows are refused, naming line, key, field and rule", () => {
  const good: [string, ReturnType<typeof chatEntry>] = ["gpt-5", chatEntry("openai", "1.25e-06", "1e-05")];

  it.each([
    ["a negative price", chatEntry("openai", "-1e-06", "1e-05"), "input_cost_per_token", /must not be negative \(got -1e-06\)/],
    ["NaN, as Python writes it", chatEntry("openai", "NaN", "1e-05"), "input_cost_per_token", /must be a finite number \(got NaN\)/],
    ["Infinity", chatEntry("openai", "1e-06", "Infinity"), "output_cost_per_token", /must be a finite number/],
    ["a price as a string", chatEntry("openai", '"1e-06"', "1e-05"), "input_cost_per_token", /must be a number, not the string "1e-06"/],
    ["a per-1M price where a per-token one belongs", chatEntry("openai", "1.25", "1e-05"), "input_cost_per_token", /1250000 USD per 1M tokens, above the 10000 limit; LiteLLM prices are per token/],
    ["a price below 1e-18 per token", chatEntry("openai", "1e-19", "1e-05"), "input_cost_per_token", /0.0000000000001 USD per 1M tokens, more than 12 decimal places/],
    ["a missing output price", { input_cost_per_token: lit("1e-06"), litellm_provider: "openai", mode: "chat" }, "output_cost_per_token", /is missing/],
    ["a missing provider", { input_cost_per_token: lit("1e-06"), mode: "chat", output_cost_per_token: lit("1e-06") }, "litellm_provider", /is missing/],
    ["a provider with a dot", chatEntry("open.ai", "1e-06", "1e-06"), "litellm_provider", /letters, digits/],
  ])("%s", (_name, entry, field, reason) => {
    const text = buildLiteLlmText([SAMPLE_SPEC, good, ["bad-model", entry]]);
    const problem = onlyProblem(text, "litellm.json");
    expect(problem).toMatchObject({ key: "bad-model", field });
    expect(problem?.line).toBeGreaterThanOrEqual(lineOf(text, '"bad-model"'));
    expect(problem?.reason).toMatch(reason);
  });

  it("a control character in a model name", () => {
    const text = buildLiteLlmText([good, ["evil\u001b[2Jmodel", chatEntry("openai", "1e-06", "1e-06")]]);
    expect(onlyProblem(text, "litellm.json")).toMatchObject({ line: lineOf(text, '"evil'), reason: expect.stringMatching(/U\+001B/) });
  });

  it("a model listed twice under the same key", () => {
    const text = buildLiteLlmText([good, ["o3", chatEntry("openai", "1e-06", "1e-06")], good]);
    const secondLine = text.slice(0, text.lastIndexOf('"gpt-5"')).split("\n").length;
    expect(onlyProblem(text, "litellm.json")).toEqual({ line: secondLine, field: "gpt-5", reason: '"gpt-5" appears twice (first on line 2)' });
  });

  it("two keys that map to one id: the same prices are skipped, other prices refused", () => {
    const same = buildLiteLlmText([good, ["openai/gpt-5", chatEntry("openai", "1.25e-06", "1e-05")]]);
    const sameParse = parsePriceFile(same, "litellm.json");
    expect(expectOk(sameParse)).toHaveLength(1);
    expect(sameParse.skipped).toEqual([{ line: lineOf(same, '"openai/gpt-5"'), key: "openai/gpt-5", reason: 'maps to api.openai.gpt-5 like "gpt-5" (line 2), with the same prices' }]);
    const other = buildLiteLlmText([good, ["openai/gpt-5", chatEntry("openai", "2e-06", "1e-05")]]);
    expect(onlyProblem(other, "litellm.json")).toEqual({ line: lineOf(other, '"openai/gpt-5"'), key: "openai/gpt-5", field: "id", reason: 'maps to api.openai.gpt-5 like "gpt-5" (line 2), with other prices' });
  });

  it("a file whose rows are all skipped", () => {
    const text = buildLiteLlmText([SAMPLE_SPEC, ["text-embedding-3-small", { litellm_provider: "openai", mode: "embedding", input_cost_per_token: lit("2e-08") }]]);
    expect(onlyProblem(text, "litellm.json")).toEqual({ line: 1, reason: "the file holds no text-generation prices (every row was skipped)" });
  });
});

describe("a file with any problem changes nothing", () => {
  it("returns no rows, only problems, when one row of many is bad", () => {
    const parse = parsePriceFile([CSV_HEADER, GOOD_CSV_ROW, "api.x.m,,1,,-2", "api.y.m,,1,,2"].join("\n"), "prices.csv");
    expect(parse.problems.length).toBeGreaterThan(0);
    expect(parse.rows).toEqual([]);
    expect(previewPriceImport([], parse.rows)).toEqual({ changed: [], added: [], unchanged: 0, missing: [] });
  });

  it("refuses an empty file", () => {
    expect(onlyProblem("", "prices.csv")).toEqual({ line: 1, reason: "the file holds no prices" });
  });

  it(`refuses a file above ${PRICE_FILE_MAX_BYTES} bytes, counted in UTF-8`, () => {
    const row = `api.x.m,${"é".repeat(100)},1,,2\n`;
    // Fewer UTF-16 units than the limit, more UTF-8 bytes.
    const text = CSV_HEADER + "\n" + row.repeat(Math.ceil(PRICE_FILE_MAX_BYTES / (row.length + 100)) + 1);
    expect(text.length).toBeLessThan(PRICE_FILE_MAX_BYTES);
    expect(onlyProblem(text, "prices.csv")?.reason).toBe("the file is larger than 10 MB");
  });

  it(`refuses more than ${PRICE_FILE_MAX_ROWS} rows`, () => {
    const rows = Array.from({ length: PRICE_FILE_MAX_ROWS + 1 }, (_, index) => `api.x.m${index},,1,,2`);
    expect(onlyProblem([CSV_HEADER, ...rows].join("\n"), "prices.csv")?.reason).toBe(`the file holds ${PRICE_FILE_MAX_ROWS + 1} rows, more than the ${PRICE_FILE_MAX_ROWS} limit`);
    const atLimit = parsePriceFile([CSV_HEADER, ...rows.slice(1)].join("\n"), "prices.csv");
    expect(atLimit.rows).toHaveLength(PRICE_FILE_MAX_ROWS);
  });
});

const CATALOGUE_PRICES: CurrentApiPrice[] = CATALOGUE.apiPrices.map((entry) => ({ id: entry.id, label: entry.label, ...entry.values }));

describe("previewPriceImport", () => {
  it("shows LiteLLM's changes against the catalogue: old → new per field, new models, models the file lacks", () => {
    const rows = expectOk(parsePriceFile(buildDefaultLiteLlmText(), "model_prices_and_context_window.json"));
    const preview = previewPriceImport(CATALOGUE_PRICES, rows);
    const sonnet = rows.find((row) => row.id === "api.anthropic.claude-sonnet-5");
    expect(preview.changed).toEqual([
      { id: "api.anthropic.claude-sonnet-5", label: "Anthropic Claude Sonnet 5", field: "inputPricePerMillion", from: "2", to: "3", line: sonnet?.line },
      { id: "api.anthropic.claude-sonnet-5", label: "Anthropic Claude Sonnet 5", field: "cachedInputPricePerMillion", from: "0.2", to: "0.3", line: sonnet?.line },
      { id: "api.anthropic.claude-sonnet-5", label: "Anthropic Claude Sonnet 5", field: "outputPricePerMillion", from: "10", to: "15", line: sonnet?.line },
    ]);
    expect(preview.added).toEqual([
      {
        id: "api.openrouter.meta-llama/llama-4-maverick",
        label: "openrouter meta-llama/llama-4-maverick",
        inputPricePerMillion: "0.15",
        cachedInputPricePerMillion: null,
        outputPricePerMillion: "0.6",
        line: rows.at(-1)?.line,
      },
    ]);
    expect(preview.unchanged).toBe(2);
    expect(preview.missing).toEqual(CATALOGUE_PRICES.map((entry) => entry.id).filter((id) => !["api.openai.gpt-5", "api.anthropic.claude-sonnet-5", "api.google.gemini-2.5-flash"].includes(id)));
  });

  it("compares values, not spellings; leaves a cached price the file omits alone; shows a cached price the entry lacked", () => {
    const current: CurrentApiPrice[] = [
      { id: "api.a.m", label: "A", inputPricePerMillion: "1.50", cachedInputPricePerMillion: "0.15", outputPricePerMillion: new Decimal("6") },
      { id: "api.b.m", label: "B", inputPricePerMillion: "1", cachedInputPricePerMillion: null, outputPricePerMillion: "2" },
    ];
    const rows = expectOk(parsePriceFile([CSV_HEADER, "api.a.m,,1.5,,6.000", "api.b.m,,1,0.1,2"].join("\n"), "prices.csv"));
    expect(previewPriceImport(current, rows)).toEqual({
      changed: [{ id: "api.b.m", label: "B", field: "cachedInputPricePerMillion", from: null, to: "0.1", line: 3 }],
      added: [],
      unchanged: 1,
      missing: [],
    });
  });

  it("labels a new model without a label by its id", () => {
    const rows = expectOk(parsePriceFile([CSV_HEADER, "api.x.m,,1,,2"].join("\n"), "prices.csv"));
    expect(previewPriceImport(CATALOGUE_PRICES, rows).added[0]?.label).toBe("api.x.m");
  });
});

describe("our formats round-trip (property)", () => {
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }))
    .map(([whole, fraction]) => (fraction === undefined ? String(whole) : `${whole}.${fraction}`));
  const label = fc.option(
    fc.string({ unit: fc.constantFrom(..."Ab 1,.-()\"'é≤"), maxLength: 30 }).filter((text) => text.trim() !== ""),
    { nil: undefined },
  );
  const rows = fc.uniqueArray(
    fc.record({
      id: fc.tuple(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), fc.stringMatching(/^[a-z0-9.:/_-]{1,24}$/)).map(([provider, model]) => `api.${provider}.${model}`),
      label,
      inputPricePerMillion: decimal,
      cachedInputPricePerMillion: fc.option(decimal, { nil: undefined }),
      outputPricePerMillion: decimal,
    }),
    { selector: (row) => row.id, minLength: 1, maxLength: 20 },
  );

  function expectSameRows(parsed: ImportedPrice[], written: PriceFileRow[]) {
    expect(parsed.map((row) => row.id)).toEqual(written.map((row) => row.id));
    parsed.forEach((row, index) => {
      const source = written[index] as PriceFileRow;
      expect(row.label).toBe(source.label?.trim() || null);
      expect(row.inputPricePerMillion.eq(source.inputPricePerMillion)).toBe(true);
      expect(row.outputPricePerMillion.eq(source.outputPricePerMillion)).toBe(true);
      if (source.cachedInputPricePerMillion === undefined) expect(row.cachedInputPricePerMillion).toBeNull();
      else expect(row.cachedInputPricePerMillion?.eq(source.cachedInputPricePerMillion)).toBe(true);
    });
  }

  it("through CSV (LF and CRLF) and JSON, every row comes back with the same id, label and prices", () => {
    fc.assert(
      fc.property(rows, fc.constantFrom("\n", "\r\n"), (written, lineEnd) => {
        expectSameRows(expectOk(parsePriceFile(writePriceCsv(written, lineEnd), "prices.csv")), written);
        expectSameRows(expectOk(parsePriceFile(writePriceJson(written), "prices.json")), written);
      }),
      { numRuns: 200 },
    );
  });

  it("CSV rows report the line they are on, JSON rows the line their object opens on", () => {
    fc.assert(
      fc.property(rows, (written) => {
        const csv = parsePriceFile(writePriceCsv(written), "prices.csv");
        expect(csv.rows.map((row) => row.line)).toEqual(written.map((_, index) => index + 2));
        const json = writePriceJson(written);
        expect(parsePriceFile(json, "prices.json").rows.map((row) => row.line)).toEqual(written.map((row) => lineOf(json, `"id": ${JSON.stringify(row.id)}`) - 1));
      }),
      { numRuns: 100 },
    );
  });
});
