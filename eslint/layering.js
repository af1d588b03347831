/**
 * The layering rule (docs/architecture.md, "data flows one way"): each folder lists what it may
 * import, and everything else is an error. Allow-lists rather than deny-lists, because a deny-list
 * missed `~/db.server.ts` next to `~/db.server`, relative imports of app files and bare `fs`.
 *
 * Every import form is checked — `import … from`, `export … from`, `import()` and `require()` with a
 * literal — and the specifier is resolved before it is judged: `~/x`, `../x` and `./x` become a path
 * from the project root, so spelling (with or without `.ts`, alias or relative) changes nothing.
 *
 * Options: `{ allow: string[], noServerModules?: boolean }`. An entry of `allow` is
 * - a project path (`app/engine`, `app/db.server`): the folder or file and everything under it;
 * - `node:*` (any Node built-in, with or without the `node:` prefix) or `node:<name>`;
 * - `package:*` (any npm package) or `package:<name>` (`package:zod`, `package:@remix-run/react`).
 * `noServerModules` also refuses importing a `*.server` module (code that may run in the browser).
 * Type-only imports (`import type …`) are exempt: they compile to nothing, so they cannot bring I/O,
 * a clock or the Prisma client into a layer.
 *
 * A second rule, `surface`, keeps a module's insides its own: with `{ module: "app/engine", entries:
 * ["app/engine/index"] }`, a file outside app/engine may import from it only its entries. Type-only
 * imports count here: a type of an internal file is as much a dependency on it as a value.
 */
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "..");
const BUILTINS = new Set(builtinModules);

/** What a specifier names: a project path without extension, a Node built-in or a package. */
function classify(specifier, filename) {
  if (specifier.startsWith("~/") || specifier.startsWith(".")) {
    const absolute = specifier.startsWith("~/") ? path.join(projectRoot, "app", specifier.slice(2)) : path.resolve(path.dirname(filename), specifier);
    const relative = path.relative(projectRoot, absolute).split(path.sep).join("/");
    return { kind: "path", name: relative.replace(/\.(tsx?|jsx?|mjs|cjs)$/, "") };
  }
  const bare = specifier.replace(/^node:/, "");
  if (specifier.startsWith("node:") || BUILTINS.has(bare.split("/")[0])) return { kind: "node", name: bare.split("/")[0] };
  const parts = specifier.split("/");
  return { kind: "package", name: specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0] };
}

function isAllowed(target, allow) {
  return allow.some((entry) => {
    if (target.kind === "node") return entry === "node:*" || entry === `node:${target.name}`;
    if (target.kind === "package") return entry === "package:*" || entry === `package:${target.name}`;
    return !entry.includes(":") && (target.name === entry || target.name.startsWith(`${entry}/`));
  });
}

function describe(target) {
  return target.kind === "path" ? target.name : `${target.kind === "node" ? "Node built-in" : "package"} ${target.name}`;
}

/** The listeners that hand every import form's node and source literal to `check`. */
function visitImports(check) {
  return {
    ImportDeclaration: (node) => check(node, node.source),
    ExportNamedDeclaration: (node) => check(node, node.source),
    ExportAllDeclaration: (node) => check(node, node.source),
    ImportExpression: (node) => check(node, node.source),
    CallExpression(node) {
      if (node.callee.type === "Identifier" && node.callee.name === "require") check(node, node.arguments[0]);
    },
  };
}

/** @type {import("eslint").Rule.RuleModule} */
const boundaries = {
  meta: {
    type: "problem",
    docs: { description: "Imports only what the folder's allow-list names (docs/architecture.md)" },
    schema: [
      {
        type: "object",
        properties: { allow: { type: "array", items: { type: "string" } }, noServerModules: { type: "boolean" }, layer: { type: "string" } },
        required: ["allow", "layer"],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: "{{layer}} may not import {{target}} (allowed: {{allow}}).",
      serverModule: "{{layer}} may run in the browser: it may not import the server module {{target}}.",
    },
  },
  create(context) {
    const { allow, noServerModules = false, layer } = context.options[0];
    const filename = context.filename;
    const isServerFile = /\.server\.[jt]sx?$/.test(filename);
    function check(node, source) {
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      if (node.importKind === "type" || node.exportKind === "type") return;
      if (node.type === "ImportDeclaration" && node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type")) return;
      const target = classify(source.value, filename);
      if (!isAllowed(target, allow)) {
        context.report({ node, messageId: "forbidden", data: { layer, target: describe(target), allow: allow.join(", ") } });
      } else if (noServerModules && !isServerFile && target.kind === "path" && /\.server$/.test(target.name)) {
        context.report({ node, messageId: "serverModule", data: { layer, target: target.name } });
      }
    }
    return visitImports(check);
  },
};

/** @type {import("eslint").Rule.RuleModule} */
const surface = {
  meta: {
    type: "problem",
    docs: { description: "Imports a module only through its public entries (ADR 017)" },
    schema: [
      {
        type: "object",
        properties: { module: { type: "string" }, entries: { type: "array", items: { type: "string" } } },
        required: ["module", "entries"],
        additionalProperties: false,
      },
    ],
    messages: { internal: "{{target}} is inside {{module}}: import it from {{entries}}." },
  },
  create(context) {
    const { module, entries } = context.options[0];
    const own = path.relative(projectRoot, context.filename).split(path.sep).join("/");
    if (own === module || own.startsWith(`${module}/`)) return {};
    function check(node, source) {
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const target = classify(source.value, context.filename);
      if (target.kind !== "path" || !(target.name === module || target.name.startsWith(`${module}/`))) return;
      // A folder import (`~/engine`) names the folder's index, as TypeScript and the bundler resolve it.
      const name = fs.statSync(path.join(projectRoot, target.name), { throwIfNoEntry: false })?.isDirectory() ? `${target.name}/index` : target.name;
      if (!entries.includes(name)) context.report({ node, messageId: "internal", data: { target: name, module, entries: entries.join(", ") } });
    }
    return visitImports(check);
  },
};

export default { rules: { boundaries, surface } };
