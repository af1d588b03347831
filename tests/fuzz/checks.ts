/**
 * A plan (targets.ts) made into a request against the world, and what its answer must never be:
 * a 5xx, a stack trace, NaN or Infinity the request did not itself contain, a 4xx without a message
 * (a 400 without one that names the field and its rule), a 429 without Retry-After, the foreign
 * tenant's names in an answer to someone who holds none of its capabilities, or a polluted
 * Object.prototype.
 */
import { SIGNUP_REFUSED } from "~/routes/signup.tsx";
import { DATABASE_BUSY_MESSAGE, SAVES_BUSY_MESSAGE } from "~/utils/server-busy.server.ts";
import type { Answer, ErrorPayload, ErrorResponsePayload, SentRequest } from "./harness.ts";
import { ORIGIN } from "./harness.ts";
import type { Value } from "./arbitraries.ts";
import type { BodyPlan, PathPiece, Plan, Target } from "./targets.ts";
import { cookieOf, FOREIGN_CAPABILITIES, resolveRef, type RefName, type World } from "./world.ts";

function resolve(world: World, value: Value, refs: Set<RefName>): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((piece) => resolve(world, piece, refs)).join("");
  refs.add(value.ref);
  return resolveRef(world, value.ref);
}

/** A lone surrogate as U+FFFD, as a browser sends it (encodeURIComponent would throw on it). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(wellFormed(segment));
}

export interface Resolved {
  request: SentRequest;
  /**
   * Everything the client wrote, piece by piece (each path segment, query name and value, field and
   * file): a NaN or Infinity in the answer must come from one of them.
   */
  typed: string[];
  /** Refs the request named. */
  refs: Set<RefName>;
}

function resolveBody(world: World, body: BodyPlan, refs: Set<RefName>, echo: string[]): { body?: string | Uint8Array<ArrayBuffer> | FormData; contentType?: string } {
  switch (body.kind) {
    case "none":
      return {};
    case "text":
      echo.push(body.text);
      return { body: body.text, contentType: body.contentType };
    case "oversized":
      return { body: `note=${"a".repeat(body.bytes)}`, contentType: "application/x-www-form-urlencoded" };
    case "form": {
      const fields = body.fields.map(([name, value]) => [resolve(world, name, refs), resolve(world, value, refs)] as const);
      for (const [name, value] of fields) echo.push(name, value);
      if (body.encoding === "urlencoded") {
        const params = new URLSearchParams();
        for (const [name, value] of fields) params.append(wellFormed(name), wellFormed(value));
        return { body: params.toString(), contentType: "application/x-www-form-urlencoded" };
      }
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      for (const file of body.files) {
        const name = resolve(world, file.name, refs);
        echo.push(name, file.content);
        form.append(file.field, new File([file.content], name, { type: file.type }));
      }
      // The boundary comes from the FormData; Request writes the multipart header itself.
      return { body: form };
    }
  }
}

export function resolvePlan(world: World, plan: Plan): Resolved {
  const refs = new Set<RefName>();
  const echo: string[] = [];
  const pathname = plan.path
    .map((piece: PathPiece) => {
      if (typeof piece === "string") return piece;
      const segment = resolve(world, piece.param, refs);
      echo.push(segment);
      return encodeSegment(segment);
    })
    .join("");
  const query = new URLSearchParams();
  if (plan.index) query.append("index", "");
  for (const [name, value] of plan.query) {
    const resolvedName = resolve(world, name, refs);
    const resolvedValue = resolve(world, value, refs);
    echo.push(resolvedName, resolvedValue);
    query.append(wellFormed(resolvedName), wellFormed(resolvedValue));
  }
  // Single fetch: the browser's fetcher and JS navigation ask for `<path>.data` (the root is `_root.data`).
  const dataPath = pathname === "/" ? "/_root.data" : `${pathname.replace(/\/$/, "")}.data`;
  const search = query.toString();
  const url = `${plan.transport === "data" ? dataPath : pathname}${search ? `?${search}` : ""}`;
  const headers: Record<string, string> = {};
  const cookie = cookieOf(world, plan.actor);
  if (cookie) headers.Cookie = cookie;
  if (plan.sameOrigin) headers.Origin = ORIGIN;
  const hasBody = plan.method !== "GET" && plan.method !== "HEAD";
  const { body, contentType } = hasBody ? resolveBody(world, plan.body, refs, echo) : {};
  if (plan.contentType === null) headers["Content-Type"] = "";
  else if (plan.contentType !== undefined && body !== undefined) headers["Content-Type"] = plan.contentType;
  else if (contentType) headers["Content-Type"] = contentType;
  if (plan.contentLength !== undefined && body !== undefined) headers["Content-Length"] = plan.contentLength;
  const request: SentRequest = { method: plan.method, url, headers, clientAddress: plan.clientAddress };
  if (body !== undefined) request.body = body;
  return { request, typed: echo, refs };
}

// ————— What no answer may be —————

/** A stack frame, a source path or a bundle path: production answers never carry them. */
const STACK_TRACE = /\n\s+at \S|\bat (?:async )?\S+ \((?:file:|node:|\/)|node_modules\/|\/build\/index\.js|\.tsx?:\d+:\d+/;

/** NaN, Infinity or ∞ as a word, not as part of a token or an id. */
export const NON_FINITE = /(?<![A-Za-z0-9_-])(?:NaN|Infinity)(?![A-Za-z0-9_-])|\u221e/g;

/** A message that names a field and the rule it broke: "Email: must be a valid address", 'Field "x": …'. */
const FIELD_AND_RULE = /^\s*[\p{Lu}](?:[^:\n"]|"(?:[^"\\\n]|\\.)*"){0,60}: \S/u;

/** zod's own wording: a message nobody here wrote, which names no field. */
const ZOD_DEFAULT = /^(?:Invalid (?:input|option|string|number|key|element|value|type|date|union|format)|Too (?:big|small)|Unrecognized keys?|Required)\b/;

/** A message of the form "Field: rule" in the app's words, or a refusal that may not name a field. */
function namesFieldAndRule(message: string): boolean {
  return (FIELD_AND_RULE.test(message) && !ZOD_DEFAULT.test(message)) || CREDENTIAL_REFUSALS.has(message);
}

/** Refusals that may not say which field is wrong: that would tell who has an account (ADR 004, 013). */
const CREDENTIAL_REFUSALS = new Set(["Email or password is incorrect.", SIGNUP_REFUSED]);

/** Statuses the browser's error boundary names by themselves: a `.data` answer may carry nothing else. */
const SELF_EXPLAINING = new Set([404, 405]);

function isErrorResponse(value: unknown): value is ErrorResponsePayload {
  return typeof value === "object" && value !== null && "errorResponse" in value;
}

function isError(value: unknown): value is ErrorPayload {
  return typeof value === "object" && value !== null && "error" in value && typeof (value as ErrorPayload).error?.message === "string";
}

interface Decoded {
  strings: string[];
  /** What the answer says was refused: formError, each of fieldErrors, an error response's text. */
  refusals: string[];
  /** Scenario issues: { path, message }. */
  issues: { path: unknown; message: unknown }[];
  /** Where a number is NaN or ±Infinity. */
  nonFinite: string[];
  /** Statuses of the error responses in it (a route's thrown 404). */
  errorStatuses: number[];
  /** Messages of error objects in it: an exception the app did not turn into an answer. */
  errors: string[];
}

/** Every string in a decoded answer, every number that is not finite (with where it is), every error in it. */
function walk(value: unknown, at: string, found: Decoded, seen = new Set<unknown>()): Decoded {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) found.nonFinite.push(`${at} = ${value}`);
  } else if (typeof value === "string") {
    found.strings.push(value);
    if (/\.formError$|\.fieldErrors\.[^.]+$|\.errorResponse\.data$/.test(at)) found.refusals.push(value);
  } else if (value !== null && typeof value === "object" && !seen.has(value) && !(value instanceof Date)) {
    seen.add(value);
    if (at.endsWith(".issues") && Array.isArray(value)) found.issues.push(...(value as { path: unknown; message: unknown }[]));
    if (isErrorResponse(value)) found.errorStatuses.push(value.errorResponse.status);
    if (isError(value)) found.errors.push(value.error.message);
    for (const [key, child] of Object.entries(value)) walk(child, `${at}.${key}`, found, seen);
  }
  return found;
}

/** The text a person reads on a page: no scripts, no styles, no tags. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Where a page shows a message: an alert (form errors, error boundaries) or a field's error. */
const MESSAGE_ELEMENT = /<(p|span|div|section)\b[^>]*(?:role="alert"|class="[^"]*\b(?:form-error|field-error)\b[^"]*")[^>]*>([\s\S]*?)<\/\1>/g;

/** The messages of a page answer, or a plain-text answer's text. */
function documentMessages(answer: Answer): string[] {
  if (!answer.headers.get("Content-Type")?.startsWith("text/html")) return [answer.text.trim()].filter(Boolean);
  return [...answer.text.matchAll(MESSAGE_ELEMENT)].map((match) => visibleText(match[2] ?? "").replace(/\s+/g, " ").trim()).filter(Boolean);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(",");

/** True when `text` says NaN, Infinity or ∞ as a word. */
export function saysNonFinite(text: string): boolean {
  return text.search(NON_FINITE) >= 0;
}

/** True when `match` lies within an occurrence in `shown` of a text an earlier accepted request stored. */
function isInsideChosenText(shown: string, match: RegExpExecArray | RegExpMatchArray, chosen: Set<string>): boolean {
  const at = match.index ?? 0;
  for (const text of chosen) {
    for (let start = shown.indexOf(text); start >= 0; start = shown.indexOf(text, start + 1)) {
      if (start <= at && at + match[0].length <= start + text.length) return true;
    }
  }
  return false;
}

/**
 * The server's answer to overload (app/utils/server-busy.server.ts): a transaction that could not
 * start or finish in time, or too many saves in line. Designed, not a defect; run.ts allows 1 in 100.
 */
export function isBusyAnswer({ status, text }: Answer): boolean {
  return status === 503 && (text.includes(DATABASE_BUSY_MESSAGE) || text.includes(SAVES_BUSY_MESSAGE));
}

export function findProblem(world: World, target: Target, plan: Plan, resolved: Resolved, answer: Answer): string | null {
  const { status, text } = answer;
  const designed503 = (status === 503 && target.answers503WhenDatabaseIsSlow === true && text === '{"status":"error","db":"down"}') || isBusyAnswer(answer);
  if (status >= 500 && !designed503) return `status ${status}`;
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(",") !== PROTOTYPE_KEYS || ({} as Record<string, unknown>).polluted !== undefined) {
    return "Object.prototype was polluted";
  }
  if (STACK_TRACE.test(text)) return "the answer carries a stack trace or a source path";
  const holdsForeignCapability = [...resolved.refs].some((name) => FOREIGN_CAPABILITIES.has(name));
  if (plan.actor !== "foreign" && !holdsForeignCapability && text.includes(world.marker)) return "the answer shows the foreign tenant's names";

  const { strings, refusals, issues, nonFinite, errorStatuses, errors } = walk(answer.payload, "payload", { strings: [], refusals: [], issues: [], nonFinite: [], errorStatuses: [], errors: [] });
  if (errors.length > 0) return `the answer carries an error object: ${errors[0]}`;
  if (nonFinite.length > 0) return `non-finite number in the answer: ${nonFinite.slice(0, 3).join(", ")}`;
  const shown = answer.payload !== undefined ? strings.join("\n") : visibleText(text);
  for (const match of shown.matchAll(NON_FINITE)) {
    if (!resolved.typed.some((piece) => piece.includes(match[0])) && !isInsideChosenText(shown, match, world.chosen)) return `"${match[0]}" in the answer, not in the request: …${shown.slice(Math.max(0, (match.index ?? 0) - 80), (match.index ?? 0) + 80)}…`;
  }

  if (status === 429) {
    const retryAfter = answer.headers.get("Retry-After");
    if (retryAfter === null || !/^[1-9]\d*$/.test(retryAfter)) return `429 without a Retry-After in whole seconds (${retryAfter})`;
  }
  if (status >= 400 && plan.method !== "HEAD") {
    const messages = answer.payload !== undefined ? strings.filter((s) => s.trim() !== "") : documentMessages(answer);
    // Remix's own endpoints may say it in the status line only ("Bad Request").
    if (target.frameworkMessages && answer.statusText.trim() !== "") messages.push(answer.statusText);
    const explainedByStatus = SELF_EXPLAINING.has(status) && errorStatuses.includes(status);
    if (messages.length === 0 && !explainedByStatus) return `${status} without a message`;
    if (messages.some((message) => /Unexpected Server Error/i.test(message))) return `${status} says "Unexpected Server Error"`;
    // A page answer shows what the page shows (a field's error, or the error boundary of a missing
    // scenario); the action's own words are checked on its `.data` answer and on plain-text answers.
    if (status === 400 && !target.frameworkMessages) {
      const said = answer.payload !== undefined ? refusals : answer.headers.get("Content-Type")?.startsWith("text/html") ? null : [text.trim()];
      if (said !== null) {
        if (said.length === 0 && issues.length === 0) return `400 without a refusal message: ${JSON.stringify(strings.slice(0, 5))}`;
        // With scenario issues, formError only sums them up ("Not saved: 2 fields are invalid.").
        const summary = issues.length > 0 ? refusals.filter((message) => !FIELD_AND_RULE.test(message)) : [];
        const vague = said.filter((message) => !summary.includes(message) && !namesFieldAndRule(message));
        if (vague.length > 0) return `400 with a message that does not name the field and its rule: ${JSON.stringify(vague.slice(0, 3))}`;
        const vagueIssues = issues.filter((issue) => typeof issue.message !== "string" || issue.message.trim() === "" || ZOD_DEFAULT.test(issue.message));
        if (vagueIssues.length > 0) return `400 with scenario issues that say nothing of their own: ${JSON.stringify(vagueIssues.slice(0, 3))}`;
      }
    }
  }
  return null;
}
