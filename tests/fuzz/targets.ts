/**
 * The inventory: every route module with an action (and each intent it accepts) and every endpoint
 * that answers data rather than a page (resource routes, the verify pages, the comparison), each
 * with the requests fast-check draws for it. tests/fuzz/inventory.test.ts compares this list with the
 * build's routes, and the intents with those the app's forms send, so a new action or intent
 * without a fuzz target fails there.
 *
 * Weights: a field is usually right and otherwise anything (`field`). Where a fully valid request
 * costs real work — an argon2 hash, a scenario computation, a PDF — its valid values weigh little,
 * so the fuzz spends its time on refusals and still passes through every success path.
 */
import fc from "fast-check";
import { ROLES } from "~/domain/roles.ts";
import { CURRENCIES } from "~/schemas/currency.ts";
import { PDF_PAGE_SIZES, REPORT_LOCALES } from "~/schemas/organization.ts";
import { SCENARIO_TEMPLATES } from "~/templates/index.ts";
import { build } from "./harness.ts";
import { binaryText, field, idLike, longUrlText, malformedText, malformedUrlText, numberText, prototypeKey, ref, scenarioDocumentText, withControlCharacter, type Value } from "./arbitraries.ts";
import {
  BASE_SCENARIO,
  healMemberships,
  healOrganization,
  healScenario,
  healSessions,
  healShareLinks,
  KNOWN_PASSWORD,
  type ActorName,
  type World,
} from "./world.ts";

/** A path piece: literal text, or a value written as one encoded segment. */
export type PathPiece = string | { param: Value };

export type BodyPlan =
  | { kind: "none" }
  | { kind: "form"; encoding: "urlencoded" | "multipart"; fields: [Value, Value][]; files: { field: string; name: Value; type: string; content: string }[] }
  | { kind: "text"; contentType: string; text: string }
  | { kind: "oversized"; bytes: number };

export interface Plan {
  actor: ActorName;
  method: string;
  /** "data": the fetcher/JS path (`.data`, turbo-stream); "document": a form posted without JavaScript. */
  transport: "data" | "document";
  path: PathPiece[];
  /** Index routes take `?index` on a post; leaving it out sends the post to the parent route. */
  index: boolean;
  query: [Value, Value][];
  body: BodyPlan;
  /** A Content-Type other than the body's own, or null for none at all. */
  contentType?: string | null;
  /** A Content-Length that may lie. */
  contentLength?: string;
  /** Origin: our own, or none (a foreign one is the server's to refuse: server/request-guards.ts). */
  sameOrigin: boolean;
  clientAddress: string;
}

export interface Target {
  /** The route id in the build ("routes/o.$slug.settings"). */
  route: string;
  kind: "action" | "endpoint";
  /** The `intent` values the action accepts. */
  intents: string[];
  plan: fc.Arbitrary<Plan>;
  /** A catch-all whose only answer is 404. */
  refusesAll?: true;
  /** /healthz: a database slower than its ping timeout is its 503 by design (a loaded machine may get there). */
  answers503WhenDatabaseIsSlow?: true;
  /** Remix's own endpoint: its refusals are Remix's words ("Invalid Request"), not the app's "Field: rule". */
  frameworkMessages?: true;
  /** Puts back what a request that did not fail may have changed. */
  heal?: (world: World) => Promise<void>;
}

// ————— Shared pieces —————

const actors = (weights: Partial<Record<ActorName, number>> = {}): fc.Arbitrary<ActorName> => {
  const all: Record<ActorName, number> = { owner: 8, editor: 1, viewer: 1, foreign: 1, anonymous: 1, revoked: 1, ...weights };
  return fc.oneof(...Object.entries(all).filter(([, weight]) => weight > 0).map(([actor, weight]) => ({ weight, arbitrary: fc.constant(actor as ActorName) })));
};

const postMethods = fc.oneof({ weight: 14, arbitrary: fc.constant("POST") }, { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "GET", "HEAD") });
const getMethods = fc.oneof({ weight: 14, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom("HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS") });

/** Mostly the fetcher path; one in ten a whole page rendered around the answer, as without JavaScript (three times the work). */
const transports = fc.oneof({ weight: 9, arbitrary: fc.constant("data" as const) }, { weight: 1, arbitrary: fc.constant("document" as const) });

const wrongContentType = fc.option(
  fc.oneof(
    fc.constant(null),
    fc.constantFrom(
      "application/json",
      "text/plain",
      "application/octet-stream",
      "multipart/form-data",
      "multipart/form-data; boundary=nope",
      "application/x-www-form-urlencoded; charset=utf-16",
      "text/html",
      "",
    ),
  ),
  { freq: 12, nil: undefined },
);

const contentLengths = fc.option(fc.constantFrom("0", "1", "-1", "abc", "99999999999", "1e9", "NaN"), { freq: 15, nil: undefined });

/** TEST-NET-2 and the IPv6 documentation prefix: addresses no other test uses. */
const fewAddresses = fc.constantFrom("198.51.100.1", "198.51.100.2", "198.51.100.3");
const manyAddresses = fc.nat({ max: 4095 }).map((n) => `2001:db8::${n.toString(16)}`);

const slugParam: fc.Arbitrary<Value> = fc.oneof({ weight: 14, arbitrary: fc.constant(ref("slug")) }, { weight: 1, arbitrary: fc.constant(ref("foreignSlug")) }, { weight: 1, arbitrary: malformedUrlText });
const scenarioParam: fc.Arbitrary<Value> = fc.oneof({ weight: 8, arbitrary: fc.constant(ref("scenarioId")) }, { weight: 2, arbitrary: idLike(["scenarioId"], ["foreignScenarioId"], malformedUrlText) });

/** base64url of 32 bytes, the shape of every token: right shape, wrong token. */
const tokenShaped = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString("base64url"));

/** A slug nobody has yet, drawn by fast-check so a failing run replays with the same one. */
const freshSlug = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 12, maxLength: 12 }).map((suffix) => `fz-${suffix}`);
const freshEmail = fc.uuid().map((uuid) => `fz-${uuid}@example.test`);
const anyEmail: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(ref("email")),
  fc.constant(ref("foreignEmail")),
  fc.constantFrom("nobody@example.test", "NOBODY@EXAMPLE.TEST", " padded@example.test ", "a@b", "@example.test", "a@@example.test", `${"a".repeat(250)}@example.test`),
);
const passwords: fc.Arbitrary<Value> = fc.constantFrom(KNOWN_PASSWORD, "wrong password 123", "short", "x".repeat(129), `${KNOWN_PASSWORD}\u0000`);

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }));

/** Field name → value arbitrary; each field may be missing, and up to two odd fields join them. */
function formBody(
  fields: Record<string, fc.Arbitrary<Value>>,
  { files = [], multipartWeight = 1 }: { files?: fc.Arbitrary<{ field: string; name: Value; type: string; content: string }>[]; multipartWeight?: number } = {},
): fc.Arbitrary<BodyPlan> {
  const names = Object.keys(fields);
  const present = fc.tuple(...names.map((name) => fc.option(fields[name] as fc.Arbitrary<Value>, { freq: 10, nil: undefined })));
  const oddName = fc.oneof(prototypeKey, fc.constantFrom(...(names.length ? names : ["intent"])), fc.string({ maxLength: 10 }), withControlCharacter);
  const odd = fc.array(fc.tuple(oddName as fc.Arbitrary<Value>, fc.oneof(malformedText, ...Object.values(fields)) as fc.Arbitrary<Value>), { maxLength: 2 });
  const encoding = files.length ? fc.constant("multipart" as const) : fc.oneof({ weight: 4, arbitrary: fc.constant("urlencoded" as const) }, { weight: multipartWeight, arbitrary: fc.constant("multipart" as const) });
  type File = { field: string; name: Value; type: string; content: string };
  const attached: fc.Arbitrary<(File | undefined)[]> = files.length ? fc.tuple(...files.map((file) => fc.option(file, { freq: 10, nil: undefined }))) : fc.constant([]);
  return fc.record({ values: present, odd, encoding, attached }).map(({ values, odd, encoding, attached }) => ({
    kind: "form" as const,
    encoding,
    fields: [...names.flatMap((name, i) => (values[i] === undefined ? [] : [[name, values[i]] as [Value, Value]])), ...odd],
    files: attached.filter((file): file is File => file !== undefined),
  }));
}

const scenarioDocument = scenarioDocumentText(BASE_SCENARIO);
const jsonBody = scenarioDocument.map((json) => ({ kind: "text" as const, contentType: "application/json", text: json }));
const plainTextBody = binaryText.map((body) => ({ kind: "text" as const, contentType: "text/plain", text: body }));

/** The body of a post: mostly the form, sometimes JSON, plain text, an oversized form or nothing. */
function postBody(form: fc.Arbitrary<BodyPlan>, limitBytes = 64 * 1024): fc.Arbitrary<BodyPlan> {
  return fc.oneof(
    { weight: 20, arbitrary: form },
    { weight: 1, arbitrary: jsonBody },
    { weight: 1, arbitrary: plainTextBody },
    { weight: 1, arbitrary: fc.constantFrom(limitBytes + 1, limitBytes + 4096).map((bytes) => ({ kind: "oversized" as const, bytes })) },
    { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  );
}

interface PlanSpec {
  path: fc.Arbitrary<PathPiece[]>;
  index?: boolean;
  body?: fc.Arbitrary<BodyPlan>;
  query?: fc.Arbitrary<[Value, Value][]>;
  actor?: fc.Arbitrary<ActorName>;
  method?: fc.Arbitrary<string>;
  clientAddress?: fc.Arbitrary<string>;
  /** Resource routes (no page) are fetched as documents only: no client asks them for `.data`. */
  transport?: fc.Arbitrary<Plan["transport"]>;
}

const documentOnly = fc.constant("document" as const);

function plan({ path, index = false, body = fc.constant({ kind: "none" as const }), query, actor = actors(), method = postMethods, clientAddress = fewAddresses, transport = transports }: PlanSpec): fc.Arbitrary<Plan> {
  // Not `_data`: Remix's pre-single-fetch protocol, which answers any `?_data=` with "Unexpected Server
  // Error" and logs a warning; the server must refuse it before Remix (reported, server/ is not ours).
  const oddQuery = fc.array(fc.tuple(fc.oneof(prototypeKey, fc.constantFrom("index", "_routes", "redirectTo"), fc.string({ maxLength: 8 })) as fc.Arbitrary<Value>, malformedUrlText as fc.Arbitrary<Value>), { maxLength: 2 });
  return fc.record({
    actor,
    method,
    transport,
    path,
    index: index ? fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) : fc.constant(false),
    query: query ? fc.tuple(query, fc.option(oddQuery, { freq: 6, nil: [] })).map(([own, odd]) => [...own, ...odd]) : fc.option(oddQuery, { freq: 6, nil: [] }),
    body,
    contentType: wrongContentType,
    contentLength: contentLengths,
    sameOrigin: fc.boolean(),
    clientAddress,
  });
}

const intentField = (intents: string[], validWeight = 3) => field(fc.constantFrom(...intents), validWeight);
/** Catalogue ids: built-in, an organisation's own, and malformed. */
const catalogueIds: fc.Arbitrary<Value> = fc.oneof(fc.constantFrom("gpu.h100-sxm", "api.openai.gpt-5", "rent.fz.h100", "quality.gpt-oss-120b", "no.such.entry"), malformedText);
/** Price files: valid (our CSV and JSON), broken, and garbage. */
const priceFileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "id,label,inputPricePerMillion,cachedInputPricePerMillion,outputPricePerMillion\napi.openai.gpt-5,GPT-5,1.5,0.15,12\n",
    "id,label,inputPricePerMillion,cachedInputPricePerMillion,outputPricePerMillion\napi.openai.gpt-5,GPT-5,-1,x,12\n",
    '{"format":"opentco-prices/v1","asOf":"2026-11-30","prices":[{"id":"api.fz.model","label":"Fz","inputPricePerMillion":"1","outputPricePerMillion":"2"}]}',
    '{"gpt-5":{"litellm_provider":"openai","mode":"chat","input_cost_per_token":1.5e-06,"output_cost_per_token":1.2e-05}}',
    "{",
  ),
  binaryText,
);
const revisionText: fc.Arbitrary<Value> = fc.oneof({ weight: 3, arbitrary: fc.constant(ref("revision")) }, { weight: 1, arbitrary: fc.constantFrom("1", "2") }, { weight: 3, arbitrary: numberText });
const constant = (...pieces: PathPiece[]) => fc.constant(pieces);

// ————— Form actions —————

const accountIntents = ["end", "end-others"];
const scenarioIntents = ["save", "restore", "recompute", "rename", "archive", "unarchive", "duplicate", "delete"];
const memberIntents = ["invite", "change-role", "remove", "revoke"];

export const ACTION_TARGETS: Target[] = [
  {
    route: "routes/account",
    kind: "action",
    intents: accountIntents,
    plan: plan({
      path: constant("/account"),
      body: postBody(formBody({ intent: intentField(accountIntents), sessionId: idLike(["sessionId", "otherSessionId"], ["foreignSessionId"]) })),
    }),
    heal: healSessions,
  },
  {
    route: "routes/login",
    kind: "action",
    intents: [],
    plan: plan({
      path: constant("/login"),
      actor: actors({ owner: 1, anonymous: 8 }),
      body: postBody(formBody({ email: field(anyEmail), password: field(passwords), redirectTo: field(fc.constantFrom("/", "/account", "//evil.example", "https://evil.example", "/\t/evil.example", "javascript:alert(1)")) })),
    }),
    // Each log-in is a session, and a user keeps 10: the world's own sessions may have been pushed out.
    heal: healSessions,
  },
  {
    route: "routes/logout",
    kind: "action",
    intents: [],
    plan: plan({ path: constant("/logout"), body: postBody(formBody({})), transport: documentOnly }),
    heal: healSessions,
  },
  {
    route: "routes/invite.$token",
    kind: "action",
    intents: ["join", "signup"],
    plan: plan({
      path: fc
        .oneof({ weight: 6, arbitrary: fc.constant(ref("invitationToken")) }, { weight: 1, arbitrary: fc.constant(ref("foreignInvitationToken")) }, { weight: 2, arbitrary: tokenShaped }, { weight: 2, arbitrary: malformedUrlText })
        .map((token) => ["/invite/", { param: token }]),
      actor: actors({ owner: 3, anonymous: 6 }),
      body: postBody(
        formBody({
          intent: intentField(["join", "signup"]),
          email: field(fc.oneof({ weight: 1, arbitrary: freshEmail }, { weight: 3, arbitrary: anyEmail })),
          password: field(fc.oneof({ weight: 1, arbitrary: passwords }, { weight: 3, arbitrary: fc.constant("short") })),
        }),
      ),
      // Each failure counts against the address (10 and sign-ups stop): many addresses keep most requests past that gate.
      clientAddress: manyAddresses,
    }),
    heal: async (world) => {
      await healMemberships(world);
      await healSessions(world);
    },
  },
  {
    route: "routes/invite.$token_.$",
    refusesAll: true,
    kind: "action",
    intents: [],
    plan: plan({
      path: fc.tuple(fc.oneof(fc.constant(ref("invitationToken")), tokenShaped, malformedUrlText), fc.oneof(fc.string(), malformedUrlText)).map(([token, rest]) => ["/invite/", { param: token }, "/", { param: rest }]),
      body: postBody(formBody({ intent: intentField(["join", "signup"]) })),
    }),
  },
  {
    route: "routes/o.$slug.$",
    refusesAll: true,
    kind: "action",
    intents: [],
    plan: plan({
      path: fc.tuple(slugParam, fc.oneof(fc.constantFrom("nope", "scenarios/x/y", "members/1"), malformedUrlText)).map(([slug, rest]) => ["/o/", { param: slug }, "/", { param: rest }]),
      body: postBody(formBody({ intent: intentField(["delete", "update"]) })),
    }),
  },
  {
    route: "routes/o.$slug.members",
    kind: "action",
    intents: memberIntents,
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/members"]),
      body: postBody(
        formBody({
          intent: intentField(memberIntents),
          role: field(fc.constantFrom(...ROLES)),
          email: field(fc.oneof(freshEmail, anyEmail, fc.constant(""))),
          membershipId: idLike(["membershipId", "ownMembershipId"], ["foreignMembershipId"]),
          invitationId: idLike(["invitationId"], ["foreignInvitationId"]),
        }),
      ),
    }),
    heal: healMemberships,
  },
  {
    route: "routes/o.$slug.scenarios.$id._index",
    kind: "action",
    intents: scenarioIntents,
    plan: plan({
      path: fc.tuple(slugParam, scenarioParam).map(([slug, id]) => ["/o/", { param: slug }, "/scenarios/", { param: id }]),
      index: true,
      body: postBody(
        formBody(
          {
            intent: intentField(scenarioIntents, 4),
            baseRevision: field(revisionText),
            inputs: field(scenarioDocument, 6),
            note: field(text),
            revision: field(revisionText),
            name: field(text),
            // Deleting for real costs a scenario rebuilt: seldom the right name.
            confirmName: fc.oneof({ weight: 1, arbitrary: fc.constant(ref("scenarioName")) }, { weight: 8, arbitrary: malformedText }),
          },
          { multipartWeight: 1 },
        ),
        512 * 1024,
      ),
    }),
    heal: healScenario,
  },
  {
    route: "routes/o.$slug.scenarios.$id.share",
    kind: "action",
    intents: ["create"],
    plan: plan({
      path: fc.tuple(slugParam, scenarioParam).map(([slug, id]) => ["/o/", { param: slug }, "/scenarios/", { param: id }, "/share"]),
      body: postBody(
        formBody({
          intent: intentField(["create"]),
          label: field(text),
          mode: field(fc.constantFrom("pinned", "follow")),
          revision: field(revisionText),
          expiresInDays: field(fc.oneof(fc.constantFrom("1", "30", "365", "366"), numberText)),
          allowPdf: field(fc.constantFrom("on", "", "off", "true")),
        }),
      ),
    }),
  },
  {
    route: "routes/o.$slug.scenarios._index",
    kind: "action",
    intents: ["import", "template"],
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/scenarios"]),
      index: true,
      body: postBody(
        formBody(
          {
            intent: intentField(["import", "template"]),
            // A template is the full example (60 months, Monte Carlo): seldom a real id.
            templateId: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...SCENARIO_TEMPLATES.map((template) => template.id)) }, { weight: 30, arbitrary: fc.oneof(malformedText, prototypeKey) }),
          },
          {
            files: [
              fc.record({
                field: fc.oneof({ weight: 8, arbitrary: fc.constant("file") }, { weight: 1, arbitrary: fc.constantFrom("inputs", "__proto__") }),
                name: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("plan.json", "") }, { weight: 2, arbitrary: malformedText }),
                type: fc.constantFrom("application/json", "text/plain", "application/octet-stream", ""),
                content: scenarioDocument,
              }),
            ],
          },
        ),
        512 * 1024,
      ),
    }),
  },
  {
    route: "routes/o.$slug.settings",
    kind: "action",
    intents: ["update", "delete"],
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/settings"]),
      body: postBody(
        formBody({
          intent: intentField(["update", "delete"]),
          name: field(text),
          slug: field(fc.oneof(fc.constant(ref("slug")), fc.constant(ref("foreignSlug")), fc.constantFrom("new", "a--b", "-ab", "ab"), freshSlug)),
          defaultCurrency: field(fc.constantFrom(...CURRENCIES)),
          locale: field(fc.constantFrom(...REPORT_LOCALES)),
          pdfPageSize: field(fc.constantFrom(...PDF_PAGE_SIZES)),
          // Deleting for real costs the whole home tenant rebuilt: seldom the right confirmation.
          confirmation: fc.oneof({ weight: 1, arbitrary: fc.constant(ref("slug")) }, { weight: 20, arbitrary: malformedText }),
        }),
      ),
    }),
    heal: healOrganization,
  },
  {
    route: "routes/o.$slug.catalogue._index",
    kind: "action",
    intents: ["remove"],
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/catalogue"]),
      index: true,
      body: postBody(formBody({ intent: intentField(["remove"]), id: field(catalogueIds), base: field(fc.oneof(fc.constantFrom("0", "1"), numberText)) })),
    }),
  },
  {
    route: "routes/o.$slug.catalogue.entry",
    kind: "action",
    intents: ["save"],
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/catalogue/entry"]),
      body: postBody(
        formBody({
          intent: intentField(["save"]),
          base: field(fc.oneof(fc.constantFrom("0", "1"), numberText)),
          id: field(catalogueIds),
          kind: field(fc.constantFrom("gpus", "gpuRentals", "apiPrices", "modelQuality", "nope")),
          label: field(text),
          "value.unitPrice": field(numberText),
          "value.powerKw": field(numberText),
          "value.pricePerGpuHour": field(numberText),
          "value.gpusPerNode": field(numberText),
          sourceNote: field(text),
          asOf: field(fc.constantFrom("2026-09-15", "2026-02-30", "15/09/2026", "")),
        }),
      ),
    }),
  },
  {
    route: "routes/o.$slug.catalogue.import",
    kind: "action",
    intents: ["preview", "apply"],
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/catalogue/import"]),
      body: postBody(
        formBody(
          { intent: intentField(["preview", "apply"]), base: field(fc.oneof(fc.constantFrom("0", "1"), numberText)), fileName: field(fc.oneof(fc.constantFrom("prices.json", "prices.csv", "x"), malformedText)), text: field(priceFileText) },
          {
            files: [
              fc.record({
                field: fc.oneof({ weight: 8, arbitrary: fc.constant("file") }, { weight: 1, arbitrary: fc.constantFrom("text", "__proto__") }),
                name: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("prices.json", "prices.csv", "") }, { weight: 1, arbitrary: malformedText }),
                type: fc.constantFrom("application/json", "text/csv", "text/plain", ""),
                content: priceFileText,
              }),
            ],
          },
        ),
      ),
    }),
  },
  {
    route: "routes/o.$slug.shares",
    kind: "action",
    intents: ["revoke", "revoke-all"],
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/shares"]),
      body: postBody(formBody({ intent: intentField(["revoke", "revoke-all"]), linkId: idLike(["shareLinkId"], ["foreignShareLinkId"]) })),
    }),
    heal: healShareLinks,
  },
  {
    route: "routes/orgs.new",
    kind: "action",
    intents: [],
    plan: plan({
      path: constant("/orgs/new"),
      body: postBody(formBody({ orgName: field(text), slug: field(fc.oneof({ weight: 1, arbitrary: fc.constant(ref("slug")) }, { weight: 1, arbitrary: fc.constantFrom("new", "a--b") }, { weight: 1, arbitrary: freshSlug })) })),
    }),
  },
  {
    route: "routes/s.$token",
    kind: "action",
    intents: ["copy"],
    plan: plan({
      path: fc
        .oneof({ weight: 6, arbitrary: fc.constant(ref("shareToken")) }, { weight: 1, arbitrary: fc.constant(ref("foreignShareToken")) }, { weight: 2, arbitrary: tokenShaped }, { weight: 2, arbitrary: malformedUrlText })
        .map((token) => ["/s/", { param: token }]),
      // A copy computes the scenario anew: seldom a target that takes it.
      body: postBody(formBody({ intent: intentField(["copy"]), targetSlug: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(ref("slug"), ref("foreignSlug")) }, { weight: 6, arbitrary: malformedText }) })),
      // The share throttle counts 20 misses per address: many addresses keep most requests past it.
      clientAddress: manyAddresses,
    }),
  },
  {
    route: "routes/s.$token_.$",
    refusesAll: true,
    kind: "action",
    intents: [],
    plan: plan({
      path: fc.tuple(fc.oneof(fc.constant(ref("shareToken")), tokenShaped, malformedUrlText), fc.oneof(fc.string(), malformedUrlText)).map(([token, rest]) => ["/s/", { param: token }, "/", { param: rest }]),
      body: postBody(formBody({ intent: intentField(["copy"]) })),
      clientAddress: manyAddresses,
    }),
  },
  {
    route: "routes/signup",
    kind: "action",
    intents: [],
    plan: plan({
      path: constant("/signup"),
      actor: actors({ owner: 1, anonymous: 8 }),
      body: postBody(
        formBody({
          // A new account is an argon2 hash: seldom a fresh address with a valid password.
          email: field(fc.oneof({ weight: 1, arbitrary: freshEmail }, { weight: 6, arbitrary: anyEmail })),
          password: field(fc.oneof({ weight: 1, arbitrary: passwords }, { weight: 3, arbitrary: fc.constant("short") })),
          orgName: field(text),
          slug: field(fc.oneof(fc.constant(ref("slug")), fc.constantFrom("new", "a--b"), freshSlug)),
        }),
      ),
    }),
    heal: healSessions,
  },
];

// ————— Endpoints that answer data —————

const fingerprints: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(ref("fingerprint"), ref("foreignFingerprint")),
  fc.constantFrom("0".repeat(64), "F".repeat(64), ` ${"ab ".repeat(32)}`, "g".repeat(64), "0".repeat(63), "0".repeat(65), `${"0".repeat(32)}\n${"0".repeat(32)}`),
  longUrlText,
);
const compareItem: fc.Arbitrary<Value> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(ref("scenarioId"), ref("foreignScenarioId")) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(ref("scenarioId"), ref("foreignScenarioId")), revisionText).map(([id, revision]) => [id, "@", revision]) },
  { weight: 2, arbitrary: malformedUrlText },
);
/** A selection that renders a PDF (2–4 of the home scenario) is rare: mostly too few, foreign or malformed ids. */
const compareSelection = fc.array(compareItem, { maxLength: 5 }).map((items) => items.map((item): [Value, Value] => ["s", item]));
const seldomValid = (valid: fc.Arbitrary<Value>, invalid: fc.Arbitrary<Value>) => fc.oneof({ weight: 1, arbitrary: valid }, { weight: 40, arbitrary: invalid });

export const ENDPOINT_TARGETS: Target[] = [
  {
    route: "routes/healthz",
    kind: "endpoint",
    answers503WhenDatabaseIsSlow: true,
    intents: [],
    plan: plan({ path: constant("/healthz"), method: getMethods, transport: documentOnly, body: postBody(formBody({})) }),
  },
  {
    route: "routes/schema.scenario[.]v1[.]json",
    kind: "endpoint",
    intents: [],
    plan: plan({ path: constant("/schema/scenario.v1.json"), method: getMethods, transport: documentOnly, body: postBody(formBody({})) }),
  },
  {
    route: "routes/o.$slug.verify",
    kind: "endpoint",
    intents: [],
    plan: plan({ path: slugParam.map((slug) => ["/o/", { param: slug }, "/verify"]), method: getMethods, query: fc.array(fc.tuple(fc.constant("fingerprint"), fingerprints), { maxLength: 2 }) }),
  },
  {
    route: "routes/s.$token_.verify",
    kind: "endpoint",
    intents: [],
    plan: plan({
      path: fc.oneof({ weight: 6, arbitrary: fc.constant(ref("shareToken")) }, { weight: 1, arbitrary: fc.constant(ref("foreignShareToken")) }, { weight: 2, arbitrary: tokenShaped }, { weight: 2, arbitrary: malformedUrlText }).map((token) => ["/s/", { param: token }, "/verify"]),
      method: getMethods,
      query: fc.array(fc.tuple(fc.constant("fingerprint"), fingerprints), { maxLength: 2 }),
      clientAddress: manyAddresses,
    }),
  },
  {
    route: "routes/o.$slug.scenarios.compare",
    kind: "endpoint",
    intents: [],
    plan: plan({
      path: slugParam.map((slug) => ["/o/", { param: slug }, "/scenarios/compare"]),
      method: getMethods,
      query: fc.tuple(compareSelection, fc.option(fc.tuple(fc.constant("base"), fc.oneof(fc.constantFrom("0", "1", "3"), numberText) as fc.Arbitrary<Value>), { nil: undefined })).map(([selection, base]) => (base ? [...selection, base] : selection)),
    }),
  },
  {
    route: "routes/o.$slug.scenarios.$id.pdf",
    kind: "endpoint",
    intents: [],
    plan: plan({
      path: fc.tuple(slugParam, scenarioParam).map(([slug, id]) => ["/o/", { param: slug }, "/scenarios/", { param: id }, "/pdf"]),
      method: getMethods,
      // The PDF of a revision renders for real (hundreds of milliseconds): seldom a revision that exists.
      query: seldomValid(fc.constant(ref("revision")), numberText).map((revision) => [["revision", revision]]),
      transport: documentOnly,
    }),
  },
  {
    route: "routes/o.$slug.scenarios.compare.pdf",
    kind: "endpoint",
    intents: [],
    plan: plan({ path: slugParam.map((slug) => ["/o/", { param: slug }, "/scenarios/compare/pdf"]), method: getMethods, query: compareSelection, transport: documentOnly }),
  },
  {
    route: "routes/s.$token.pdf",
    kind: "endpoint",
    intents: [],
    plan: plan({
      // Both tenants' links allow the PDF: a live token renders one (hundreds of milliseconds), so it is rare.
      path: seldomValid(fc.constantFrom(ref("shareToken"), ref("foreignShareToken")), fc.oneof(tokenShaped, malformedUrlText)).map((token) => ["/s/", { param: token }, "/pdf"]),
      method: getMethods,
      clientAddress: manyAddresses,
      transport: documentOnly,
    }),
  },
];

/** Remix's own JSON endpoint: the route manifest the browser asks for as links come into view (lazy route discovery). */
export const MANIFEST_TARGET: Target = {
  route: "/__manifest",
  kind: "endpoint",
  frameworkMessages: true,
  intents: [],
  plan: plan({
    path: constant("/__manifest"),
    method: getMethods,
    transport: documentOnly,
    query: fc
      .tuple(
        fc.option(fc.oneof(fc.constant(build.assets.version), malformedUrlText), { nil: undefined }),
        fc.array(fc.oneof(fc.constantFrom("/o/x/scenarios/y", "/", "", "//", "/s/t/pdf"), malformedUrlText, longUrlText), { maxLength: 4 }),
      )
      .map(([version, paths]): [Value, Value][] => [...(version === undefined ? [] : [["version", version] as [Value, Value]]), ...paths.map((p): [Value, Value] => ["p", p])]),
  }),
};

export const TARGETS: Target[] = [...ACTION_TARGETS, ...ENDPOINT_TARGETS, MANIFEST_TARGET];
