/**
 * The one way actions read a form body: same-origin check, size limit (413 instead of a crash or an
 * unbounded buffer), control characters (400), then zod validation into per-field messages.
 */
import { data } from "@remix-run/node";
import type { z } from "zod";
import { escapeControlCharacters, findControlCharacter } from "./control-characters.ts";

/** Largest form body accepted, in bytes. Our forms are a few hundred bytes; 64 KiB leaves ample room. */
export const MAX_FORM_BYTES = 64 * 1024;

export type FormFailure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  /** What the user typed (passwords never echoed), to refill the form. */
  values: Record<string, string>;
};

export type FormResult<T> = { success: true; data: T } | { success: false; status: 400 | 413; failure: FormFailure };

const SECRET_FIELDS = new Set(["password"]);

/** How messages name the fields of our forms (the schemas' labels); any other field by its name. */
const FIELD_LABELS: Record<string, string> = {
  email: "Email",
  password: "Password",
  orgName: "Organisation name",
  name: "Name",
  slug: "Organisation URL",
  targetSlug: "Organisation",
  confirmation: "Confirmation",
  confirmName: "Confirmation",
  membershipId: "Member",
  invitationId: "Invitation",
  linkId: "Link",
  label: "Label",
  note: "Note",
  inputs: "Scenario",
  intent: "Intent",
  redirectTo: "Redirect",
};

/**
 * How a message names a field: by its label, or — a field none of our forms has, "__proto__" and
 * "constructor" included — by its name, quoted, shortened, with control characters escaped.
 */
function describeField(key: string): string {
  if (Object.hasOwn(FIELD_LABELS, key)) return FIELD_LABELS[key] as string;
  return `Field ${escapeControlCharacters(JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key))}`;
}

/**
 * Text fields carrying NUL or another control character (tab and line breaks aside: multi-line text
 * and JSON hold them) are refused before anything reads them: PostgreSQL refuses NUL, and the rest
 * have no business in a name, an id or a choice (issue 10, item 3).
 */
function findControlCharacterFields(form: FormData): FormFailure | null {
  // A Map: a field named "__proto__" or "constructor" is a key like any other.
  const errors = new Map<string, string>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || errors.has(key)) continue;
    const found = findControlCharacter(value, { allowLineBreaks: true }) ?? findControlCharacter(key);
    if (found) errors.set(key, `${describeField(key)}: must not contain control characters (found ${found})`);
  }
  const fieldErrors = Object.fromEntries(errors);
  const messages = [...errors.values()];
  // Hidden fields (ids, intents) have no place beside them: the first message also heads the form.
  return messages.length === 0 ? null : { formError: messages[0], fieldErrors, values: {} };
}

/**
 * Rejects cross-site POSTs that a browser labels with a foreign Origin (CSRF defence in depth on top of
 * SameSite=Lax cookies; see docs/decisions/004-sessions.md). Requests without Origin (non-browser
 * clients) pass. Hosts are compared, not schemes: behind a TLS-terminating proxy the request URL
 * says http while the browser's Origin says https.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("Origin");
  if (origin === null) return;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, privacy redirects) or garbage: not our origin.
  }
  if (originHost !== new URL(request.url).host) {
    throw data({ formError: "Cross-site form submissions are not accepted." }, { status: 403 });
  }
}

async function readBodyWithLimit(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Content-Length can be absent (chunked) or lie; the streamed size is what counts.
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Reads a urlencoded or multipart form, or explains why it cannot (413 over `maxBytes`, default
 * MAX_FORM_BYTES; 400 unreadable, or a field with a control character).
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<{ ok: true; form: FormData } | { ok: false; status: 400 | 413; failure: FormFailure }> {
  assertSameOrigin(request);
  const body = await readBodyWithLimit(request, maxBytes);
  if (body === null) {
    return {
      ok: false,
      status: 413,
      failure: { formError: `Form: too large (limit ${maxBytes / 1024} KiB)`, fieldErrors: {}, values: {} },
    };
  }
  const contentType = request.headers.get("Content-Type") ?? "application/x-www-form-urlencoded";
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, failure: { formError: "Form: the body could not be read as a form", fieldErrors: {}, values: {} } };
  }
  const controls = findControlCharacterFields(form);
  return controls ? { ok: false, status: 400, failure: controls } : { ok: true, form };
}

function getFormValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key)) values[key] = value;
  }
  return values;
}

/** Validates the form's text fields; messages already name the field ("Email: must be a valid address"). */
export function validateForm<S extends z.ZodType>(form: FormData, schema: S): FormResult<z.output<S>> {
  const input: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") input[key] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  let formError: string | undefined;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string") fieldErrors[field] ??= issue.message;
    else formError ??= issue.message;
  }
  return { success: false, status: 400, failure: { formError, fieldErrors, values: getFormValues(form) } };
}

/** readForm + validateForm. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.output<S>>> {
  const read = await readForm(request);
  if (!read.ok) return { success: false, status: read.status, failure: read.failure };
  return validateForm(read.form, schema);
}

/** A form failure as an action response: the route renders it beside the fields. */
export function respondWithFailure(failure: FormFailure, status: 400 | 403 | 409 | 413 | 429 = 400, headers?: HeadersInit) {
  return data(failure, { status, headers });
}

/** One field's message, for errors found after validation (e.g. "Organisation URL: already taken"). */
export function createFieldFailure(field: string, message: string, values: Record<string, string> = {}): FormFailure {
  return { fieldErrors: { [field]: message }, values };
}

/** A message about the whole form, for errors that belong to no single field. */
export function createFormFailure(message: string, values: Record<string, string> = {}): FormFailure {
  return { formError: message, fieldErrors: {}, values };
}
