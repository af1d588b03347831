import { memo, type ReactNode } from "react";
import { AI_ACT_ROLES, CAPABILITY_REQUIREMENTS, DATA_CLASSES, REGIME_IDS, REGION_CODES, SOVEREIGNTY_OBJECTIVES, type Catalogue } from "~/engine/index.ts";
import { DRIVERS } from "~/engine";
import { BINDINGS, getCatalogueState, isLeafKind } from "~/catalogue/bindings.ts";
import { useEditor, useIssueCountUnder, useIssuesAt } from "./context.tsx";
import { createComplianceProfile, createMonteCarlo, createMonteCarloRange, createOption, createTornadoRange, createUniqueId, duplicateOption, OPTION_KIND_LABELS, type OptionKind } from "./defaults.ts";
import { CheckboxField, DecimalField, FieldGroup, SelectField, TextField, type Choice } from "./fields.tsx";
import { ActionButton, HybridFields, LeafOptionFields, ListEditor } from "./option-fields.tsx";
import { fractionToPercent } from "~/scenarios/percent.ts";
import { describeCitationsBriefly } from "~/reports/sources.ts";
import { getAtPath, getFieldId, insertAfter, isJsonObject, moveItem, removeItem, type JsonObject, type Path } from "~/scenarios/paths.ts";
import { summarizeAssumptions, summarizeCompliance, summarizeGeneral, summarizeOptions, summarizeSensitivity, summarizeWorkload } from "./summaries.ts";

/** A collapsible section: its one-line summary shows when closed, with the count of problems inside. */
export function Section({ id, path, title, summary, defaultOpen = false, children }: { id: string; path: Path | null; title: string; summary: string; defaultOpen?: boolean; children: ReactNode }) {
  const problems = useIssueCountUnder(path ?? ["\u0000"]);
  return (
    <details className="editor-section" id={`editor-section-${id}`} open={defaultOpen}>
      <summary>
        <span className="editor-section__title">{title}</span>
        <span className="editor-section__summary">{summary}</span>
        {problems > 0 ? (
          <span className="editor-badge">
            <span aria-hidden="true">! </span>
            {`${problems} ${problems === 1 ? "problem" : "problems"}`}
          </span>
        ) : null}
      </summary>
      <div className="editor-section__body">{children}</div>
    </details>
  );
}

const DRIVER_CHOICES: Choice[] = DRIVERS.map((driver) => ({ value: driver, label: driver }));

export function GeneralSection() {
  const { getScenario } = useEditor();
  const scenario = getScenario();
  return (
    <Section id="general" path={null} title="General" summary={summarizeGeneral(scenario)}>
      <FieldGroup legend="Scenario">
        <TextField path={["name"]} label="Name" />
        <TextField path={["startMonth"]} label="Start month" type="month" hint="First month modelled, YYYY-MM." />
        <DecimalField path={["horizonMonths"]} label="Horizon" unit="months" />
        <p className="editor-read editor-format">Format: scenario v{String(getAtPath(scenario, ["schemaVersion"]) ?? "?")}</p>
      </FieldGroup>
      <FieldGroup path={["currency"]} legend="Currency">
        <TextField path={["currency", "code"]} label="Currency code" hint="ISO 4217, e.g. EUR. Catalogue money (USD) is converted at the rate below." />
        <DecimalField path={["currency", "perUsd"]} label="Exchange rate" unit={`${String(getAtPath(scenario, ["currency", "code"]) ?? "")} per USD`} />
        <TextField path={["currency", "asOf"]} label="Rate date" type="date" />
        <TextField path={["currency", "source"]} label="Rate source" />
      </FieldGroup>
      <FieldGroup legend="Money over time">
        <DecimalField path={["discountRatePerYear"]} label="Discount rate" percent />
        <DecimalField path={["opexInflationPerYear"]} label="Opex inflation" percent />
        <CheckboxField path={["creditResidualValue"]} label="Credit hardware's residual value at the horizon end" defaultValue hint="Cash view; on by default." />
      </FieldGroup>
    </Section>
  );
}

export const WorkloadSection = memo(function WorkloadSection({ workload }: { workload: unknown }) {
  const { update, getScenario } = useEditor();
  const volumeKind = getAtPath(workload, ["volume", "kind"]);
  return (
    <Section id="workload" path={["workload"]} title="Workload" summary={summarizeWorkload(getScenario())} defaultOpen>
      <FieldGroup path={["workload", "volume"]} legend="Volume">
        <SelectField
          path={["workload", "volume", "kind"]}
          label="Volume given as"
          choices={[
            { value: "requests", label: "requests per month" },
            { value: "tokens", label: "tokens per month" },
          ]}
          onSelect={(kind) => update(["workload", "volume"], kind === "tokens" ? { kind, tokensPerMonth: "0" } : { kind: "requests", requestsPerMonth: "0" })}
        />
        {volumeKind === "tokens" ? (
          <DecimalField path={["workload", "volume", "tokensPerMonth"]} label="Tokens in month 1" unit="tokens/month" />
        ) : (
          <DecimalField path={["workload", "volume", "requestsPerMonth"]} label="Requests in month 1" unit="requests/month" />
        )}
        <DecimalField path={["workload", "growth", "rate"]} label="Growth" percent />
        <SelectField path={["workload", "growth", "per"]} label="Growth per" choices={[{ value: "month", label: "month" }, { value: "year", label: "year" }]} />
      </FieldGroup>
      <FieldGroup legend="Requests">
        <DecimalField path={["workload", "inputTokensPerRequest"]} label="Input tokens per request" unit="tokens" />
        <DecimalField path={["workload", "outputTokensPerRequest"]} label="Output tokens per request" unit="tokens" />
        <DecimalField path={["workload", "cachedInputShare"]} label="Cached input" percent />
        <DecimalField path={["workload", "batchEligibleShare"]} label="Batch-eligible traffic" percent />
        <DecimalField path={["workload", "peakToAverage"]} label="Peak to average" unit="×" />
      </FieldGroup>
    </Section>
  );
});

const OptionCard = memo(function OptionCard({ option, index, count }: { option: unknown; index: number; count: number }) {
  const { readOnly, update, getScenario } = useEditor();
  const path: Path = ["options", index];
  const value = isJsonObject(option) ? option : {};
  const kind = String(value.kind ?? "unknown");
  const name = typeof value.name === "string" && value.name !== "" ? value.name : `Option ${index + 1}`;
  const headingId = `${getFieldId(path)}-heading`;
  const options = () => {
    const list = getAtPath(getScenario(), ["options"]);
    return Array.isArray(list) ? list : [];
  };
  return (
    <section className="editor-card" id={getFieldId(path)} tabIndex={-1} aria-labelledby={headingId}>
      <header className="editor-card__header">
        <span className={`editor-kind editor-kind--${kind}`}>{OPTION_KIND_LABELS[kind as OptionKind] ?? kind}</span>
        <h3 id={headingId}>{name}</h3>
        {readOnly ? null : (
          <div className="editor-actions" role="group" aria-label={`Actions for ${name}`}>
            <button type="button" className="secondary editor-small" disabled={index === 0} onClick={() => update(["options"], moveItem(options(), index, index - 1))}>
              Move up<span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" className="secondary editor-small" disabled={index === count - 1} onClick={() => update(["options"], moveItem(options(), index, index + 1))}>
              Move down<span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" className="secondary editor-small" onClick={() => update(["options"], insertAfter(options(), index, duplicateOption(option, options())))}>
              Duplicate<span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" className="secondary editor-small editor-danger" onClick={() => update(["options"], removeItem(options(), index))}>
              Remove<span className="visually-hidden"> {name}</span>
            </button>
          </div>
        )}
      </header>
      <details className="editor-card__body">
        <summary>Fields of {name}</summary>
        {kind === "hybrid" ? <HybridFields path={path} option={value} /> : <LeafOptionFields path={path} option={value} />}
      </details>
    </section>
  );
});

export const OptionsSection = memo(function OptionsSection({ options }: { options: unknown }) {
  const { readOnly, update, getScenario, perUsd, catalogue } = useEditor();
  const list = Array.isArray(options) ? options : [];
  const issues = useIssuesAt(["options"]);
  const add = (kind: OptionKind) => {
    const scenario = getScenario();
    const company = getAtPath(scenario, ["compliance", "data", "companyJurisdiction"]);
    const deployment = getAtPath(scenario, ["compliance"]) === undefined ? null : { location: typeof company === "string" ? company : "US" };
    update(["options"], [...list, createOption(kind, createUniqueId(list, kind), perUsd, deployment, catalogue)]);
  };
  return (
    <Section id="options" path={["options"]} title="Options" summary={summarizeOptions(getScenario())} defaultOpen>
      {issues.length > 0 ? <p className="field-error">Options: {issues.join("; ")}</p> : null}
      {list.map((option, index) => (
        <OptionCard key={index} option={option} index={index} count={list.length} />
      ))}
      {readOnly ? null : (
        <div className="editor-actions" role="group" aria-label="Add an option">
          {(["api", "owned-gpu", "rented-gpu", "hybrid"] as const).map((kind) => (
            <ActionButton key={kind} label={`Add ${OPTION_KIND_LABELS[kind]} option`} onClick={() => add(kind)} />
          ))}
        </div>
      )}
    </Section>
  );
});

const REGIME_DEFAULTS: Record<string, JsonObject> = { "eu-ai-act": { riskClass: "minimal" }, fedramp: { level: "moderate" } };

function RegimeFields({ itemPath }: { itemPath: Path }) {
  const { update, getScenario } = useEditor();
  const id = getAtPath(getScenario(), [...itemPath, "id"]);
  return (
    <>
      <SelectField path={[...itemPath, "id"]} label="Regime" choices={REGIME_IDS.map((regime) => ({ value: regime, label: regime }))} onSelect={(regime) => regime !== undefined && update(itemPath, { id: regime, ...REGIME_DEFAULTS[regime] })} />
      {id === "eu-ai-act" ? <SelectField path={[...itemPath, "riskClass"]} label="AI Act risk class" choices={["minimal", "limited", "high", "prohibited"].map((value) => ({ value, label: value }))} /> : null}
      {id === "eu-ai-act" ? (
        <SelectField
          path={[...itemPath, "role"]}
          label="Your AI Act role"
          optional="— not stated —"
          hint="Provider if you build the system, or put your name on it, substantially modify it or make it high-risk (Art. 25); otherwise deployer."
          choices={AI_ACT_ROLES.map((role) => ({ value: role, label: role }))}
        />
      ) : null}
      {id === "fedramp" ? <SelectField path={[...itemPath, "level"]} label="FedRAMP impact level" choices={["low", "moderate", "high"].map((value) => ({ value, label: value }))} /> : null}
    </>
  );
}

function DataClassBoxes() {
  const { readOnly, update, getScenario } = useEditor();
  const raw = getAtPath(getScenario(), ["compliance", "data", "classes"]);
  const classes = Array.isArray(raw) ? raw : [];
  return (
    <FieldGroup path={["compliance", "data", "classes"]} legend="Data classes">
      {DATA_CLASSES.map((dataClass) => {
        const checked = classes.includes(dataClass);
        const id = `${getFieldId(["compliance", "data", "classes"])}-${dataClass}`;
        return readOnly ? (
          checked ? <span key={dataClass} className="editor-read__value">{dataClass}</span> : null
        ) : (
          <label key={dataClass} htmlFor={id} className="editor-check">
            <input id={id} type="checkbox" checked={checked} onChange={() => update(["compliance", "data", "classes"], checked ? classes.filter((item) => item !== dataClass) : [...classes, dataClass])} /> {dataClass}
          </label>
        );
      })}
    </FieldGroup>
  );
}

export const ComplianceSection = memo(function ComplianceSection({ compliance }: { compliance: unknown }) {
  const { readOnly, update, getScenario } = useEditor();
  const processingKind = getAtPath(compliance, ["processing", "kind"]);
  const present = isJsonObject(compliance);
  return (
    <Section id="compliance" path={["compliance"]} title="Compliance profile" summary={summarizeCompliance(getScenario())}>
      {!present ? (
        <div className="editor-actions">
          <p className="muted">No compliance profile: options are compared on cost only.</p>
          {readOnly ? null : <ActionButton label="Add compliance profile" onClick={() => update(["compliance"], createComplianceProfile())} />}
        </div>
      ) : (
        <>
          <DataClassBoxes />
          <ListEditor
            path={["compliance", "data", "subjectJurisdictions"]}
            legend="Where the data subjects are"
            itemLabel="jurisdiction"
            create={() => "EU"}
            renderItem={(itemPath, index) => <TextField path={itemPath} label={`Jurisdiction ${index + 1}`} hint="A country code (DE) or a region: EU, EEA, US, UK." />}
          />
          <FieldGroup path={["compliance", "processing"]} legend="Company and processing">
            <TextField path={["compliance", "data", "companyJurisdiction"]} label="Company country" hint="ISO 3166-1 alpha-2 code, e.g. DE: the reference for foreign access laws." />
            <SelectField
              path={["compliance", "processing", "kind"]}
              label="Processing may happen"
              choices={["any", "region", "country", "on-premises", "air-gapped"].map((value) => ({ value, label: value }))}
              onSelect={(kind) => update(["compliance", "processing"], kind === "region" ? { kind, region: "EU" } : kind === "country" ? { kind, country: "DE" } : { kind })}
            />
            {processingKind === "region" ? <SelectField path={["compliance", "processing", "region"]} label="Region" choices={REGION_CODES.map((code) => ({ value: code, label: code }))} /> : null}
            {processingKind === "country" ? <TextField path={["compliance", "processing", "country"]} label="Country" hint="ISO 3166-1 alpha-2 code." /> : null}
          </FieldGroup>
          <ListEditor
            path={["compliance", "regimes"]}
            legend="Regimes"
            itemLabel="regime"
            create={(items) => {
              const used = new Set(items.map((item) => getAtPath(item, ["id"])));
              const regime = REGIME_IDS.find((candidate) => !used.has(candidate)) ?? "gdpr";
              return { id: regime, ...REGIME_DEFAULTS[regime] };
            }}
            renderItem={(itemPath) => <RegimeFields itemPath={itemPath} />}
          />
          <FieldGroup path={["compliance", "requirements"]} legend="Requirements every option must meet">
            {CAPABILITY_REQUIREMENTS.map((requirement) => (
              <CheckboxField key={requirement.key} path={["compliance", "requirements", requirement.key]} label={`Requires ${requirement.capability}`} />
            ))}
            <CheckboxField path={["compliance", "requirements", "noForeignAccessLaw"]} label="No exposure to a foreign government's access law (e.g. the US CLOUD Act)" />
            {SOVEREIGNTY_OBJECTIVES.map((objective) => (
              <SelectField
                key={objective.id}
                path={["compliance", "requirements", "minSeal", objective.id]}
                label={`Minimum SEAL level, ${objective.id} ${objective.name}`}
                optional="no minimum"
                numeric
                choices={[0, 1, 2, 3, 4].map((level) => ({ value: String(level), label: String(level) }))}
              />
            ))}
          </FieldGroup>
          {readOnly ? null : (
            <div className="editor-actions">
              <ActionButton label="Remove compliance profile" danger onClick={() => update(["compliance"], undefined)} />
            </div>
          )}
        </>
      )}
    </Section>
  );
});

/** Every catalogue-backed value across the options, kept or overridden, with its source: the scenario's assumptions at a glance. */
export function listAssumptions(scenario: unknown, perUsd: unknown, catalogue: Catalogue) {
  const rows: { optionPath: Path; optionName: string; field: string; value: unknown; status: "catalogue" | "override"; catalogueValue: string | null; origin: string; note: unknown }[] = [];
  const options = getAtPath(scenario, ["options"]);
  (Array.isArray(options) ? options : []).forEach((option, index) => {
    const parts: [Path, unknown][] = getAtPath(option, ["kind"]) === "hybrid" ? [[["options", index, "primary"], getAtPath(option, ["primary"])], [["options", index, "secondary"], getAtPath(option, ["secondary"])]] : [[["options", index], option]];
    for (const [optionPath, part] of parts) {
      if (!isJsonObject(part) || !isLeafKind(part.kind)) continue;
      const fields = [...BINDINGS[part.kind].flatMap((binding) => binding.fields.map((bound) => bound.field)), ...(part.kind === "api" ? ["residencyPremium"] : [])];
      for (const field of fields) {
        const state = getCatalogueState(part, field, perUsd, catalogue);
        if (state === null) continue;
        rows.push({
          optionPath,
          optionName: String(part.name ?? optionPath.join(".")),
          field,
          value: getAtPath(part, field.split(".")),
          status: state.status,
          catalogueValue: state.catalogueValue,
          origin: `${state.entry.label} (${describeCitationsBriefly(state.entry.citations)}, ${state.entry.asOf})`,
          note: getAtPath(part, ["overrideSources", field, "source"]),
        });
      }
    }
  });
  return rows;
}

export function AssumptionsSection({ onJump }: { onJump: (path: Path) => void }) {
  const { readOnly, getScenario, perUsd, catalogue } = useEditor();
  const rows = listAssumptions(getScenario(), perUsd, catalogue);
  const overrides = rows.filter((row) => row.status === "override").length;
  return (
    <Section id="assumptions" path={null} title="Assumptions" summary={summarizeAssumptions(overrides, rows.length)}>
      <p className="muted">Every value taken from the catalogue, and where you replaced it. Money in the scenario currency; fractions in %.</p>
      <div className="editor-table-wrap">
        <table className="editor-table">
          <caption className="visually-hidden">Catalogue values and overrides per option</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Field</th>
              <th scope="col" className="num">Value</th>
              <th scope="col" className="num">Catalogue</th>
              <th scope="col">Status and source</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const percent = /Share|Discount|Decline|Gain|residencyPremium|batchDiscount/.test(row.field);
              const show = (value: unknown) => (percent ? `${fractionToPercent(value)} %` : String(value ?? ""));
              return (
                <tr key={`${row.optionPath.join(".")}.${row.field}`}>
                  <td>{row.optionName}</td>
                  <td>
                    {readOnly ? (
                      row.field
                    ) : (
                      <button type="button" className="link" onClick={() => onJump([...row.optionPath, ...row.field.split(".")])}>
                        {row.field}
                      </button>
                    )}
                  </td>
                  <td className="num">{show(row.value)}</td>
                  <td className="num">{row.catalogueValue === null ? "unknown" : show(row.catalogueValue)}</td>
                  <td>
                    {row.status === "override" ? (
                      <>
                        <span aria-hidden="true">● </span>
                        <strong>override</strong>
                        {`: ${typeof row.note === "string" ? row.note : "no source given"}`}
                      </>
                    ) : (
                      "catalogue"
                    )}{" "}
                    · <span className="muted">{row.origin}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export const SensitivitySection = memo(function SensitivitySection({ sensitivity }: { sensitivity: unknown }) {
  const { readOnly, update, getScenario } = useEditor();
  const monteCarlo = getAtPath(sensitivity, ["monteCarlo"]);
  return (
    <Section id="sensitivity" path={["sensitivity"]} title="Sensitivity" summary={summarizeSensitivity(getScenario())}>
      <ListEditor
        path={["sensitivity", "tornado"]}
        legend="Tornado ranges (drivers not listed use 0.8× and 1.2×)"
        itemLabel="tornado range"
        create={createTornadoRange}
        renderItem={(itemPath) => (
          <>
            <SelectField path={[...itemPath, "driver"]} label="Driver" choices={DRIVER_CHOICES} />
            <DecimalField path={[...itemPath, "low"]} label="Low multiplier" unit="×" />
            <DecimalField path={[...itemPath, "high"]} label="High multiplier" unit="×" />
          </>
        )}
      />
      {isJsonObject(monteCarlo) ? (
        <>
          <FieldGroup path={["sensitivity", "monteCarlo"]} legend="Monte Carlo">
            <DecimalField path={["sensitivity", "monteCarlo", "draws"]} label="Draws" unit="draws" />
            <DecimalField path={["sensitivity", "monteCarlo", "seed"]} label="Seed" hint="Same seed, same draws: results are reproducible." />
          </FieldGroup>
          <ListEditor
            path={["sensitivity", "monteCarlo", "ranges"]}
            legend="Monte Carlo ranges (triangular: min, most likely, max)"
            itemLabel="Monte Carlo range"
            create={createMonteCarloRange}
            renderItem={(itemPath) => (
              <>
                <SelectField path={[...itemPath, "driver"]} label="Driver" choices={DRIVER_CHOICES} />
                <DecimalField path={[...itemPath, "min"]} label="Minimum" unit="×" />
                <DecimalField path={[...itemPath, "mode"]} label="Most likely" unit="×" />
                <DecimalField path={[...itemPath, "max"]} label="Maximum" unit="×" />
              </>
            )}
          />
          {readOnly ? null : (
            <div className="editor-actions">
              <ActionButton label="Remove Monte Carlo" danger onClick={() => update(["sensitivity", "monteCarlo"], undefined)} />
            </div>
          )}
        </>
      ) : readOnly ? null : (
        <div className="editor-actions">
          <ActionButton label="Add Monte Carlo" onClick={() => update(["sensitivity", "monteCarlo"], createMonteCarlo())} />
        </div>
      )}
    </Section>
  );
});
