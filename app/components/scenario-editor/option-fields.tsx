import { DECLARABLE_CAPABILITIES, SEAL_LEVEL_NAMES, SOVEREIGNTY_OBJECTIVES, getDeploymentCapability } from "~/engine/index.ts";
import { BINDINGS, getCatalogueState, isLeafKind, type LeafKind } from "~/catalogue/bindings.ts";
import { OptionContext, useEditor, useIssuesAt } from "./context.tsx";
import { createExtraCost, createOption, OPTION_KIND_LABELS, type OptionKind } from "./defaults.ts";
import { DecimalField, FieldGroup, SelectField, TextField, type Choice } from "./fields.tsx";
import { CataloguePicker, DeploymentPicker } from "./pickers.tsx";
import { getAtPath, getFieldId, isJsonObject, removeItem, type JsonObject, type Path } from "~/scenarios/paths.ts";

/**
 * The fields of one option, by kind. Layout is written by hand (what belongs together for a person
 * pricing a deployment); labels, units and hints come with each field, descriptions from the schema.
 */

const binding = (kind: LeafKind, id: string) => {
  const found = BINDINGS[kind].find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no catalogue binding ${id} for ${kind}`);
  return found;
};

const SEAL_CHOICES: Choice[] = ([0, 1, 2, 3, 4] as const).map((level) => ({ value: String(level), label: `${level}: ${SEAL_LEVEL_NAMES[level]}` }));
const OBJECTIVE_CHOICES: Choice[] = SOVEREIGNTY_OBJECTIVES.map((objective) => ({ value: objective.id, label: `${objective.id} ${objective.name}` }));
const choicesOf = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: value }));

/** A small "add" or "remove" button; every list and optional block is edited with these, never by mouse-only gestures. */
export function ActionButton({ label, onClick, danger = false }: { label: string; onClick: () => void; danger?: boolean }) {
  return (
    <button type="button" className={`secondary editor-small${danger ? " editor-danger" : ""}`} onClick={onClick}>
      {label}
    </button>
  );
}

/** An optional object field: present → its fields and a remove button; absent → an add button. */
function OptionalBlock({ path, legend, create, children }: { path: Path; legend: string; create: () => unknown; children: React.ReactNode }) {
  const { readOnly, update, getScenario } = useEditor();
  const issues = useIssuesAt(path);
  const present = getAtPath(getScenario(), path) !== undefined;
  if (!present) {
    const id = getFieldId(path);
    if (readOnly && issues.length === 0) return null;
    return (
      <div className="editor-actions" id={id} tabIndex={-1}>
        {readOnly ? null : <ActionButton label={`Add ${legend.toLowerCase()}`} onClick={() => update(path, create())} />}
        {issues.length > 0 ? <p className="field-error">{`${legend}: ${issues.join("; ")}`}</p> : null}
      </div>
    );
  }
  return (
    <FieldGroup path={path} legend={legend} actions={readOnly ? null : <ActionButton label={`Remove ${legend.toLowerCase()}`} onClick={() => update(path, undefined)} danger />}>
      {children}
    </FieldGroup>
  );
}

/** A list of objects: each item's fields, a remove button per item, an add button. */
export function ListEditor({ path, legend, itemLabel, create, renderItem }: { path: Path; legend: string; itemLabel: string; create: (items: unknown[]) => unknown; renderItem: (itemPath: Path, index: number) => React.ReactNode }) {
  const { readOnly, update, getScenario } = useEditor();
  const raw = getAtPath(getScenario(), path);
  const items = Array.isArray(raw) ? raw : [];
  return (
    <FieldGroup path={path} legend={legend} actions={readOnly ? null : <ActionButton label={`Add ${itemLabel}`} onClick={() => update(path, [...items, create(items)])} />}>
      {items.length === 0 ? <p className="muted editor-empty">None.</p> : null}
      {items.map((_, index) => (
        <div className="editor-item" key={index}>
          {renderItem([...path, index], index)}
          {readOnly ? null : (
            <div className="editor-actions">
              <ActionButton label={`Remove ${itemLabel} ${index + 1}`} onClick={() => update(path, removeItem(items, index))} danger />
            </div>
          )}
        </div>
      ))}
    </FieldGroup>
  );
}

function ModelFields({ path, kind }: { path: Path; kind: LeafKind }) {
  return (
    <FieldGroup path={[...path, "model"]} legend="Model">
      <CataloguePicker binding={binding(kind, "quality")} />
      <TextField path={[...path, "model", "name"]} label="Model name" />
      <OptionalBlock path={[...path, "model", "quality"]} legend="Quality score" create={() => ({ benchmark: "Artificial Analysis Intelligence Index", version: "v4.0", score: "0", source: "your source", asOf: "2026-01-01" })}>
        <TextField path={[...path, "model", "quality", "benchmark"]} label="Benchmark" hint="Scores are only compared within one benchmark and version." />
        <TextField path={[...path, "model", "quality", "version"]} label="Benchmark version" />
        <DecimalField path={[...path, "model", "quality", "score"]} label="Score" unit="points" />
        <TextField path={[...path, "model", "quality", "source"]} label="Score source" />
        <TextField path={[...path, "model", "quality", "asOf"]} label="Score date" type="date" />
      </OptionalBlock>
    </FieldGroup>
  );
}

function DeploymentFields({ path, kind }: { path: Path; kind: LeafKind }) {
  const { getScenario } = useEditor();
  const deploymentPath = [...path, "deployment"];
  const catalogId = getAtPath(getScenario(), [...deploymentPath, "catalogId"]);
  const entry = typeof catalogId === "string" ? getDeploymentCapability(catalogId) : null;
  const deployment = getAtPath(getScenario(), deploymentPath);
  const hasLocation = entry?.processing.value.kind === "customer-chosen" || getAtPath(deployment, ["location"]) !== undefined;
  const hasOperator = entry?.parent.value.kind === "declared-operator" || getAtPath(deployment, ["operator"]) !== undefined;
  const hasSubProcessors = (entry !== null && entry.subProcessors.value.kind !== "not-applicable") || getAtPath(deployment, ["subProcessors"]) !== undefined;
  return (
    <OptionalBlock path={deploymentPath} legend="Deployment" create={() => ({ catalogId: (kind === "api" ? "openai-api-global" : kind === "owned-gpu" ? "self-hosted-own-data-centre" : "self-hosted-gpu-cloud") })}>
      <DeploymentPicker kind={kind} />
      {hasLocation ? <TextField path={[...deploymentPath, "location"]} label="Country of the region or data centre" optional hint="ISO 3166-1 alpha-2 code in upper case, e.g. DE (the United Kingdom is GB)." /> : null}
      {hasOperator ? (
        <OptionalBlock path={[...deploymentPath, "operator"]} legend="Operator" create={() => ({ name: "", jurisdiction: "" })}>
          <TextField path={[...deploymentPath, "operator", "name"]} label="Operator name" />
          <TextField path={[...deploymentPath, "operator", "jurisdiction"]} label="Operator country" hint="ISO 3166-1 alpha-2 code, e.g. FR." />
          <OptionalBlock path={[...deploymentPath, "operator", "ultimateParent"]} legend="Ultimate parent" create={() => ({ name: "", jurisdiction: "" })}>
            <TextField path={[...deploymentPath, "operator", "ultimateParent", "name"]} label="Ultimate parent name" hint="The company at the top of the operator's ownership chain; the operator itself if no one controls it." />
            <TextField path={[...deploymentPath, "operator", "ultimateParent", "jurisdiction"]} label="Ultimate parent country" hint="ISO 3166-1 alpha-2 code: access laws follow control, e.g. US for a US parent." />
          </OptionalBlock>
        </OptionalBlock>
      ) : null}
      {hasSubProcessors ? <SubProcessors path={[...deploymentPath, "subProcessors"]} /> : null}
      <ListEditor
        path={[...deploymentPath, "declaredFacts"]}
        legend="Facts you hold evidence for"
        itemLabel="declared fact"
        create={() => ({ capability: "zeroDataRetention", value: "yes", evidence: "" })}
        renderItem={(itemPath) => (
          <>
            <SelectField path={[...itemPath, "capability"]} label="Capability" choices={choicesOf(DECLARABLE_CAPABILITIES)} />
            <SelectField path={[...itemPath, "value"]} label="Value" choices={choicesOf(["yes", "no", "on-request", "not-applicable"])} />
            <TextField path={[...itemPath, "evidence"]} label="Evidence" multiline hint="Contract, approval, date." />
          </>
        )}
      />
      <ListEditor
        path={[...deploymentPath, "sovereigntyOverrides"]}
        legend="SEAL level overrides"
        itemLabel="SEAL override"
        create={() => ({ objective: "SOV-1", level: 0, justification: "" })}
        renderItem={(itemPath) => (
          <>
            <SelectField path={[...itemPath, "objective"]} label="Objective" choices={OBJECTIVE_CHOICES} />
            <SelectField path={[...itemPath, "level"]} label="SEAL level" choices={SEAL_CHOICES} numeric />
            <TextField path={[...itemPath, "justification"]} label="Justification" multiline />
          </>
        )}
      />
    </OptionalBlock>
  );
}

/**
 * The operator's sub-processors as the user verified them. Absent: not declared, which the
 * compliance check treats as a condition to verify; an empty list declares that there are none.
 */
function SubProcessors({ path }: { path: Path }) {
  const { readOnly, update, getScenario } = useEditor();
  if (getAtPath(getScenario(), path) === undefined) {
    return (
      <OptionalBlock path={path} legend="Sub-processor list" create={() => []}>
        {null}
      </OptionalBlock>
    );
  }
  return (
    <>
      <ListEditor
        path={path}
        legend="Sub-processors that handle the data (none listed: there are none)"
        itemLabel="sub-processor"
        create={() => ({ name: "", jurisdiction: "" })}
        renderItem={(itemPath) => (
          <>
            <TextField path={[...itemPath, "name"]} label="Sub-processor name" />
            <TextField path={[...itemPath, "jurisdiction"]} label="Sub-processor country" hint="ISO 3166-1 alpha-2 code of its ultimate parent, e.g. US." />
          </>
        )}
      />
      {readOnly ? null : (
        <div className="editor-actions">
          <ActionButton label="Remove sub-processor list (not declared)" onClick={() => update(path, undefined)} danger />
        </div>
      )}
    </>
  );
}

function ExtraCosts({ path }: { path: Path }) {
  const { currency } = useEditor();
  return (
    <ListEditor
      path={[...path, "extraCostsPerYear"]}
      legend="Extra costs per year"
      itemLabel="extra cost"
      create={createExtraCost}
      renderItem={(itemPath) => (
        <>
          <SelectField path={[...itemPath, "category"]} label="Category" choices={choicesOf(["compliance", "other"])} />
          <TextField path={[...itemPath, "label"]} label="What it is" />
          <DecimalField path={[...itemPath, "amountPerYear"]} label="Amount per year" unit={`${currency}/yr`} />
          <TextField path={[...itemPath, "source"]} label="Source" optional />
        </>
      )}
    />
  );
}

/**
 * The `overrideSources` entries not shown beside an overridden field: notes for fields that hold the
 * catalogue value again, have no catalogue default, or belong to a hybrid as a whole. None is out of reach.
 */
function OverrideSources({ path }: { path: Path }) {
  const { readOnly, update, getScenario, perUsd, catalogue } = useEditor();
  const option = getAtPath(getScenario(), path);
  const sources = getAtPath(option, ["overrideSources"]);
  const shownInline = (key: string) => isJsonObject(option) && getCatalogueState(option, key, perUsd, catalogue)?.status === "override";
  const keys = isJsonObject(sources) ? Object.keys(sources).filter((key) => !shownInline(key)) : [];
  if (keys.length === 0) return null;
  return (
    <FieldGroup path={[...path, "overrideSources"]} legend="Other override sources">
      {keys.map((key) => (
        <div className="editor-item" key={key}>
          <TextField path={[...path, "overrideSources", key, "source"]} label={`Source for ${key}`} />
          <TextField path={[...path, "overrideSources", key, "asOf"]} label={`Date of the source for ${key}`} type="date" optional />
          {readOnly ? null : (
            <div className="editor-actions">
              <ActionButton
                label={`Remove source for ${key}`}
                danger
                onClick={() => {
                  const rest = Object.fromEntries(Object.entries(sources as JsonObject).filter(([candidate]) => candidate !== key));
                  update([...path, "overrideSources"], Object.keys(rest).length === 0 ? undefined : rest);
                }}
              />
            </div>
          )}
        </div>
      ))}
    </FieldGroup>
  );
}

function CapacityFields({ path, kind }: { path: Path; kind: "owned-gpu" | "rented-gpu" }) {
  return (
    <FieldGroup path={[...path, "throughput"]} legend="Throughput and capacity">
      <CataloguePicker binding={binding(kind, "throughput")} />
      <DecimalField path={[...path, "throughput", "prefillTokensPerSecondPerGpu"]} label="Prefill throughput" unit="input tokens/s per GPU" />
      <DecimalField path={[...path, "throughput", "decodeTokensPerSecondPerGpu"]} label="Decode throughput" unit="output tokens/s per GPU" />
      <DecimalField path={[...path, "throughput", "concurrency"]} label="Concurrency" unit="requests" />
      <DecimalField path={[...path, "targetUtilisation"]} label="Target utilisation" percent />
      <DecimalField path={[...path, "redundancyNodes"]} label="Spare nodes (N+k)" unit="nodes" />
      <DecimalField path={[...path, "maxNodes"]} label="Maximum nodes" unit="nodes" optional hint="Optional cap on nodes in service, spares included, so above the spare nodes; demand above it is not served (a hybrid's overflow primary needs it)." />
    </FieldGroup>
  );
}

function StaffFields({ path, kind }: { path: Path; kind: "owned-gpu" | "rented-gpu" }) {
  const { currency } = useEditor();
  return (
    <FieldGroup path={[...path, "staffing"]} legend="Staff">
      <CataloguePicker binding={binding(kind, "salary")} />
      <DecimalField path={[...path, "staffing", "fte"]} label="Staff" unit="FTE" />
      <DecimalField path={[...path, "staffing", "loadedCostPerFteYear"]} label="Cost per FTE" unit={`${currency}/FTE-year`} />
      <DecimalField path={[...path, "staffing", "loadedCostMultiplier"]} label="Loaded-cost multiplier" unit="×" optional />
      <DecimalField path={[...path, "staffing", "rampUpMonths"]} label="Ramp-up" unit="months" />
    </FieldGroup>
  );
}

function LicenceFields({ path, kind }: { path: Path; kind: "owned-gpu" | "rented-gpu" }) {
  const { currency } = useEditor();
  return (
    <>
      <CataloguePicker binding={binding(kind, "licence")} />
      <DecimalField path={[...path, "softwareLicencePerGpuYear"]} label="Software licences" unit={`${currency}/GPU-year`} />
      <DecimalField path={[...path, "setupCost"]} label="Setup cost (month 1)" unit={currency} />
    </>
  );
}

function ApiFields({ path }: { path: Path }) {
  const { currency } = useEditor();
  const perMillion = `${currency}/1M tokens`;
  return (
    <>
      <FieldGroup legend="Prices">
        <CataloguePicker binding={binding("api", "api-price")} />
        <DecimalField path={[...path, "inputPricePerMillion"]} label="Input price" unit={perMillion} />
        <DecimalField path={[...path, "cachedInputPricePerMillion"]} label="Cached input price" unit={perMillion} />
        <DecimalField path={[...path, "outputPricePerMillion"]} label="Output price" unit={perMillion} />
        <DecimalField path={[...path, "batchDiscount"]} label="Batch discount" percent />
        <DecimalField path={[...path, "commitmentDiscount"]} label="Commitment discount" percent />
        <DecimalField path={[...path, "priceDeclinePerYear"]} label="Price decline" percent hint="Expected yearly price decline, compounded monthly." />
        <DecimalField path={[...path, "residencyPremium"]} label="Residency premium" percent optional hint="Surcharge on token prices for regional processing; leave empty to use the deployment's catalogue premium." />
      </FieldGroup>
      <OptionalBlock
        path={[...path, "longContext"]}
        legend="Long-context tier"
        create={() => ({ aboveInputTokens: "200000", tokenShare: "0", inputPricePerMillion: "1", cachedInputPricePerMillion: "0", outputPricePerMillion: "1" })}
      >
        <DecimalField path={[...path, "longContext", "aboveInputTokens"]} label="Applies above" unit="input tokens" />
        <DecimalField path={[...path, "longContext", "tokenShare"]} label="Share of tokens in long requests" percent />
        <DecimalField path={[...path, "longContext", "inputPricePerMillion"]} label="Long-context input price" unit={perMillion} />
        <DecimalField path={[...path, "longContext", "cachedInputPricePerMillion"]} label="Long-context cached input price" unit={perMillion} />
        <DecimalField path={[...path, "longContext", "outputPricePerMillion"]} label="Long-context output price" unit={perMillion} />
      </OptionalBlock>
    </>
  );
}

function OwnedFields({ path }: { path: Path }) {
  const { currency, getScenario, update } = useEditor();
  // Switching the facility kind replaces the facility with the other kind's fields.
  const switchFacility = (kind: string | undefined) =>
    update([...path, "facility"], kind === "colocation" ? { kind, pricePerKwMonth: "0" } : { kind: "own-facility", costPerMonth: "0" });
  const facilityKind = getAtPath(getScenario(), [...path, "facility", "kind"]);
  const method = getAtPath(getScenario(), [...path, "depreciation", "method"]);
  const hasRate = method === "declining-balance" || getAtPath(getScenario(), [...path, "depreciation", "decliningRatePerYear"]) !== undefined;
  return (
    <>
      <FieldGroup path={[...path, "gpu"]} legend="Hardware">
        <CataloguePicker binding={binding("owned-gpu", "gpu")} />
        <TextField path={[...path, "gpu", "name"]} label="GPU name" />
        <DecimalField path={[...path, "gpu", "unitPrice"]} label="GPU price" unit={`${currency}/GPU`} />
        <DecimalField path={[...path, "gpu", "powerKw"]} label="GPU power" unit="kW/GPU" />
        <CataloguePicker binding={binding("owned-gpu", "server")} />
        <TextField path={[...path, "server", "name"]} label="Server name" />
        <DecimalField path={[...path, "server", "gpusPerNode"]} label="GPUs per node" unit="GPUs" />
        <DecimalField path={[...path, "server", "baseNodePrice"]} label="Node price without GPUs" unit={`${currency}/node`} />
        <DecimalField path={[...path, "server", "baseNodePowerKw"]} label="Node power without GPUs" unit="kW/node" />
      </FieldGroup>
      <CapacityFields path={path} kind="owned-gpu" />
      <StaffFields path={path} kind="owned-gpu" />
      <FieldGroup path={[...path, "facility"]} legend="Energy and facility">
        <CataloguePicker binding={binding("owned-gpu", "energy")} />
        <DecimalField path={[...path, "electricityPricePerKwh"]} label="Electricity price" unit={`${currency}/kWh`} />
        <DecimalField path={[...path, "pue"]} label="PUE" unit="ratio" />
        <SelectField
          path={[...path, "facility", "kind"]}
          label="Facility"
          choices={[
            { value: "colocation", label: "Colocation (price per kW)" },
            { value: "own-facility", label: "Own facility (cost per month)" },
          ]}
          onSelect={switchFacility}
        />
        <CataloguePicker binding={binding("owned-gpu", "colocation")} />
        {facilityKind === "colocation" ? (
          <DecimalField path={[...path, "facility", "pricePerKwMonth"]} label="Colocation price" unit={`${currency}/kW-month`} />
        ) : (
          <DecimalField path={[...path, "facility", "costPerMonth"]} label="Facility cost" unit={`${currency}/month`} />
        )}
      </FieldGroup>
      <FieldGroup path={[...path, "depreciation"]} legend="Lifecycle and trends">
        <CataloguePicker binding={binding("owned-gpu", "trends")} />
        <DecimalField path={[...path, "hardwarePriceDeclinePerYear"]} label="Hardware price decline" percent />
        <DecimalField path={[...path, "energyEfficiencyGainPerYear"]} label="Energy-efficiency gain" percent />
        <DecimalField path={[...path, "resaleValueShare"]} label="Resale value at refresh" percent />
        <DecimalField path={[...path, "refreshCycleMonths"]} label="Refresh cycle" unit="months" />
        <SelectField path={[...path, "depreciation", "method"]} label="Depreciation method" choices={choicesOf(["straight-line", "declining-balance"])} />
        <DecimalField path={[...path, "depreciation", "usefulLifeMonths"]} label="Useful life" unit="months" />
        {hasRate ? <DecimalField path={[...path, "depreciation", "decliningRatePerYear"]} label="Declining-balance rate" percent optional /> : null}
      </FieldGroup>
      <FieldGroup legend="Other costs">
        <DecimalField path={[...path, "networkStorageShareOfCapex"]} label="Network and storage" percent hint="Networking and storage as a share of server capex." />
        <DecimalField path={[...path, "maintenanceShareOfCapexPerYear"]} label="Maintenance per year" percent />
        <LicenceFields path={path} kind="owned-gpu" />
      </FieldGroup>
    </>
  );
}

function RentedFields({ path }: { path: Path }) {
  const { currency } = useEditor();
  return (
    <>
      <FieldGroup legend="GPU rental">
        <CataloguePicker binding={binding("rented-gpu", "rental")} />
        <TextField path={[...path, "gpuName"]} label="GPU name" />
        <SelectField path={[...path, "pricing"]} label="Pricing" choices={choicesOf(["on-demand", "committed", "spot"])} />
        <DecimalField path={[...path, "pricePerGpuHour"]} label="Price per GPU-hour" unit={`${currency}/GPU-hour`} />
        <DecimalField path={[...path, "gpusPerNode"]} label="GPUs per instance" unit="GPUs" />
        <DecimalField path={[...path, "priceDeclinePerYear"]} label="GPU-hour price decline" percent />
      </FieldGroup>
      <CapacityFields path={path} kind="rented-gpu" />
      <StaffFields path={path} kind="rented-gpu" />
      <FieldGroup legend="Other costs">
        <LicenceFields path={path} kind="rented-gpu" />
      </FieldGroup>
    </>
  );
}

/**
 * Kind, name and id: the fields every option (and hybrid part) has. Changing the kind replaces the
 * option with a new one of that kind (catalogue defaults), keeping its id and name.
 */
function IdentityFields({ path, kinds }: { path: Path; kinds: readonly OptionKind[] }) {
  const { update, perUsd, getScenario, catalogue } = useEditor();
  const replaceKind = (kind: string | undefined) => {
    const current = getAtPath(getScenario(), path);
    if (!isJsonObject(current) || !kinds.includes(kind as OptionKind)) return;
    const company = getAtPath(getScenario(), ["compliance", "data", "companyJurisdiction"]);
    const deployment = getAtPath(getScenario(), ["compliance"]) === undefined ? null : { location: typeof company === "string" ? company : "US" };
    const next = createOption(kind as OptionKind, String(current.id ?? "option"), perUsd, deployment, catalogue);
    update(path, { ...next, name: current.name ?? next.name });
  };
  return (
    <FieldGroup legend="Option">
      <SelectField path={[...path, "kind"]} label="Kind" choices={kinds.map((kind) => ({ value: kind, label: OPTION_KIND_LABELS[kind] }))} onSelect={replaceKind} hint="Changing the kind starts the option afresh from catalogue defaults." />
      <TextField path={[...path, "name"]} label="Name" />
      <TextField path={[...path, "id"]} label="Id" hint="A stable slug (lowercase letters, digits, '-') used by break-even tables and compliance." />
    </FieldGroup>
  );
}

const LEAF_KINDS = ["api", "owned-gpu", "rented-gpu"] as const;
const ALL_KINDS = [...LEAF_KINDS, "hybrid"] as const;

/** All fields of a leaf option (or a hybrid's part, `part`) at `path`, with catalogue state scoped to it. */
export function LeafOptionFields({ path, option, part = false }: { path: Path; option: JsonObject; part?: boolean }) {
  const kind = option.kind;
  if (!isLeafKind(kind)) return <p className="field-error">Unknown option kind {String(kind)}.</p>;
  return (
    <OptionContext.Provider value={{ path, option }}>
      <IdentityFields path={path} kinds={part ? LEAF_KINDS : ALL_KINDS} />
      {kind === "api" ? <ApiFields path={path} /> : kind === "owned-gpu" ? <OwnedFields path={path} /> : <RentedFields path={path} />}
      <ModelFields path={path} kind={kind} />
      <DeploymentFields path={path} kind={kind} />
      <ExtraCosts path={path} />
      <OverrideSources path={path} />
    </OptionContext.Provider>
  );
}

/** A hybrid's mode, share and its two parts, each switchable between the leaf kinds. */
export function HybridFields({ path, option }: { path: Path; option: JsonObject }) {
  const mode = option.mode;
  return (
    <>
      <IdentityFields path={path} kinds={ALL_KINDS} />
      <FieldGroup legend="Split">
        <SelectField
          path={[...path, "mode"]}
          label="Mode"
          choices={[
            { value: "share", label: "share: a fixed share of traffic on the primary" },
            { value: "overflow", label: "overflow: the primary serves what it can, the secondary the rest" },
          ]}
        />
        {mode === "share" || option.primaryShare !== undefined ? <DecimalField path={[...path, "primaryShare"]} label="Share on the primary" percent optional /> : null}
      </FieldGroup>
      {(["primary", "secondary"] as const).map((part) => (
        <FieldGroup key={part} path={[...path, part]} legend={part === "primary" ? "Primary" : "Secondary"}>
          <div className="editor-nested">
            <LeafOptionFields path={[...path, part]} option={isJsonObject(option[part]) ? (option[part] as JsonObject) : {}} part />
          </div>
        </FieldGroup>
      ))}
      <ExtraCosts path={path} />
      <OverrideSources path={path} />
    </>
  );
}
