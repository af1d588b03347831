/**
 * The procurement PDF laid out with @react-pdf/renderer: a cover, the one-page executive summary with
 * the cumulative-cost chart, then the detail (comparison, charts, warnings, compliance, assumptions,
 * methodology). Everything shown comes worded and formatted from the view-model (model.ts); this file
 * only places it. Running header with the scenario name; footer on every page with the revision, the
 * fingerprint and "page x of y".
 */
import { Document, Link, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { ComplianceMatrix, DeploymentView } from "../compliance.ts";
import { describeSource, WEIGHTED_SEAL_SCORE_LABEL, WEIGHTED_SEAL_SCORE_NOTE } from "../compliance.ts";
import type { CitationView } from "../sources.ts";
import type { WarningGroup } from "../warnings.ts";
import { PdfChart } from "./charts.tsx";
import { FONT_STACK } from "./fonts.ts";
import type { AssumptionView, CompareReport, Cover, LabelledValue, Methodology, PageFrame, PdfPageSize, Report, ScenarioReport, ScenarioSection, TextTable } from "./model.ts";
import type { InputRow } from "./inputs.ts";

const COLOURS = { text: "#1b1f24", muted: "#5b6470", border: "#d9dde3", zebra: "#f5f7fa", accent: "#1f5fbf", warning: "#8a4b00", block: "#a3120f" } as const;

/** Margins in points: 48 pt ≈ 17 mm left and right (≥ 15 mm), room above for the header and below for the footer. */
const MARGIN = { top: 54, bottom: 62, side: 48 } as const;
const PAGE_WIDTH: Record<PdfPageSize, number> = { A4: 595.28, LETTER: 612 };

const styles = StyleSheet.create({
  // No lineHeight anywhere: react-pdf stores a resolved line height in points and an element that
  // inherits it reads it again as a multiplier (fixed headers and footers compound it page after page
  // until the layout overflows). The font's own line gap (Inter, about 1.2) reads well.
  page: { fontFamily: FONT_STACK, fontSize: 9, color: COLOURS.text, paddingTop: MARGIN.top, paddingBottom: MARGIN.bottom, paddingHorizontal: MARGIN.side },
  header: { position: "absolute", top: 22, left: MARGIN.side, right: MARGIN.side, flexDirection: "row", justifyContent: "space-between", fontSize: 7.5, color: COLOURS.muted, borderBottomWidth: 0.5, borderBottomColor: COLOURS.border, paddingBottom: 4 },
  footer: { position: "absolute", bottom: 18, left: MARGIN.side, right: MARGIN.side, fontSize: 6.8, color: COLOURS.muted, borderTopWidth: 0.5, borderTopColor: COLOURS.border, paddingTop: 4 },
  footerRow: { flexDirection: "row", justifyContent: "space-between" },
  h1: { fontSize: 17, fontWeight: 700, marginBottom: 8 },
  h2: { fontSize: 13, fontWeight: 700, marginTop: 6, marginBottom: 6, color: COLOURS.accent },
  h3: { fontSize: 10.5, fontWeight: 700, marginTop: 8, marginBottom: 4 },
  paragraph: { marginBottom: 5 },
  muted: { color: COLOURS.muted },
  small: { fontSize: 7.5 },
  // No border on the table itself: react-pdf mis-clips a bordered view that breaks across pages.
  table: { marginBottom: 8 },
  headRow: { flexDirection: "row", borderTopWidth: 0.75, borderTopColor: COLOURS.text, borderBottomWidth: 0.75, borderBottomColor: COLOURS.text, backgroundColor: "#ffffff" },
  row: { flexDirection: "row", borderBottomWidth: 0.4, borderBottomColor: COLOURS.border },
  cell: { paddingVertical: 2.5, paddingHorizontal: 3, fontSize: 7.6 },
  headCell: { paddingVertical: 3, paddingHorizontal: 3, fontSize: 7.4, fontWeight: 700 },
  figureGrid: { flexDirection: "row", flexWrap: "wrap", marginBottom: 6 },
  figure: { width: "33.33%", paddingRight: 8, marginBottom: 4 },
  figureLabel: { fontSize: 7.2, color: COLOURS.muted, fontWeight: 600, textTransform: "uppercase" },
  figureValue: { fontSize: 9.5, fontWeight: 700 },
  answer: { fontSize: 11.5, fontWeight: 600, marginBottom: 8 },
  swatch: { width: 6, height: 6, marginRight: 3, marginTop: 2 },
});

/** The summary's chart is drawn smaller and without its description (the title says it), so the summary fits on one page. */
const SUMMARY_CHART_SCALE = 0.72;

function contentWidth(size: PdfPageSize): number {
  return PAGE_WIDTH[size] - 2 * MARGIN.side;
}

function Heading({ level, children }: { level: 1 | 2 | 3; children: ReactNode }) {
  const style = level === 1 ? styles.h1 : level === 2 ? styles.h2 : styles.h3;
  // A heading keeps at least this much of what follows on its page: no heading alone at a page's foot.
  return (
    <Text style={style} minPresenceAhead={level === 3 ? 60 : 90}>
      {children}
    </Text>
  );
}

function Frame({ frame }: { frame: PageFrame }) {
  return (
    <>
      <View style={styles.header} fixed>
        <Text>{frame.header}</Text>
        <Text>OpenTCO</Text>
      </View>
      <View style={styles.footer} fixed>
        <View style={styles.footerRow}>
          <Text style={{ flexShrink: 1, paddingRight: 12 }}>{frame.revisionLine}</Text>
          <Text style={{ flexShrink: 0 }} render={({ pageNumber, totalPages }) => `page ${pageNumber} of ${totalPages}`} />
        </View>
        <Text>{frame.fingerprintLine}</Text>
      </View>
    </>
  );
}

/** A table whose header repeats on every page it spans; rows never split. */
export function Table({ table }: { table: TextTable }) {
  const total = table.columns.reduce((sum, column) => sum + column.weight, 0);
  const width = (index: number) => `${(((table.columns[index]?.weight ?? 1) / total) * 100).toFixed(3)}%`;
  return (
    <View style={styles.table}>
      <View style={styles.headRow} fixed>
        {table.columns.map((column, index) => (
          <Text key={column.header} style={[styles.headCell, { width: width(index), textAlign: column.numeric ? "right" : "left" }]}>
            {column.header}
          </Text>
        ))}
      </View>
      {table.rows.map((row, r) => (
        <View key={r} style={[styles.row, r % 2 === 1 ? { backgroundColor: COLOURS.zebra } : {}]} wrap={false}>
          {row.cells.map((cell, c) => (
            <View key={c} style={{ width: width(c), flexDirection: "row" }}>
              {c === 0 && row.style ? <View style={[styles.swatch, { backgroundColor: row.style.colour, marginLeft: 3, marginTop: 4.5 }]} /> : null}
              <Text style={[styles.cell, { flexGrow: 1, flexShrink: 1, textAlign: table.columns[c]?.numeric ? "right" : "left", fontWeight: row.emphasised && c === 0 ? 700 : 400 }]}>{cell}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function Figures({ items }: { items: LabelledValue[] }) {
  return (
    <View style={styles.figureGrid}>
      {items.map((item) => (
        <View key={item.label} style={styles.figure} wrap={false}>
          <Text style={styles.figureLabel}>{item.label}</Text>
          <Text style={styles.figureValue}>{item.value}</Text>
        </View>
      ))}
    </View>
  );
}

function CoverPage({ cover, frame, size }: { cover: Cover; frame: PageFrame; size: PdfPageSize }) {
  return (
    <Page size={size} style={styles.page}>
      <Frame frame={frame} />
      <View style={{ marginTop: 90 }}>
        <Text style={{ fontSize: 11, fontWeight: 600, color: COLOURS.muted }}>{cover.orgName}</Text>
        <Text style={{ fontSize: 24, fontWeight: 700, marginTop: 6, marginBottom: 6 }}>{cover.title}</Text>
        <Text style={{ fontSize: 11.5, color: COLOURS.muted, marginBottom: 36 }}>{cover.subtitle}</Text>
        {cover.details.map((item, index) => (
          <View key={`${item.label}-${index}`} style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: COLOURS.border, paddingVertical: 5 }} wrap={false}>
            <Text style={{ width: "32%", fontWeight: 600, color: COLOURS.muted }}>{item.label}</Text>
            <Text style={{ width: "68%" }}>{item.value}</Text>
          </View>
        ))}
        <Text style={[styles.small, styles.muted, { marginTop: 24 }]}>{cover.verifyNote}</Text>
      </View>
    </Page>
  );
}

function SummaryPart({ section, width }: { section: ScenarioSection; width: number }) {
  const { summary } = section;
  return (
    <View>
      <Heading level={1}>Executive summary</Heading>
      <Text style={styles.answer}>{summary.answer}</Text>
      <Figures items={[...summary.figures, ...summary.monteCarlo]} />
      {summary.alternatives ? (
        <>
          <Heading level={3}>Savings against each alternative over the horizon</Heading>
          <Table table={summary.alternatives} />
        </>
      ) : null}
      <PdfChart chart={summary.cumulative} width={width * SUMMARY_CHART_SCALE} describe={false} />
      <Heading level={3}>What moves the answer most</Heading>
      <Text style={[styles.small, styles.paragraph]}>{summary.driversNote}</Text>
      {summary.drivers.map((line) => (
        <Text key={line} style={[styles.small, styles.paragraph]}>
          {line}
        </Text>
      ))}
      <Heading level={3}>Key warnings</Heading>
      {summary.keyWarnings.length === 0 ? (
        <Text>No warnings.</Text>
      ) : (
        summary.keyWarnings.map((line) => (
          <Text key={line} style={[styles.small, styles.paragraph]}>
            • {line}
          </Text>
        ))
      )}
    </View>
  );
}

function WarningsPart({ groups }: { groups: WarningGroup[] }) {
  return (
    <View>
      <Heading level={2}>Warnings</Heading>
      {groups.length === 0 ? <Text>The result carries no warning.</Text> : null}
      {groups.map((group) => (
        <View key={group.code}>
          <Heading level={3}>{group.title}</Heading>
          {group.entries.map((entry) => (
            <Text key={entry.message} style={styles.paragraph} wrap={false}>
              • {entry.message}
              {entry.options.length > 0 ? <Text style={styles.muted}> ({entry.options.map((option) => option.name).join(", ")})</Text> : null}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

const STATUS_COLOURS = { met: COLOURS.text, info: COLOURS.muted, condition: COLOURS.warning, block: COLOURS.block } as const;

function Deployment({ deployment, objectives }: { deployment: DeploymentView; objectives: ComplianceMatrix["objectives"] }) {
  return (
    <View style={{ marginBottom: 6 }}>
      <Text style={{ fontWeight: 600 }} minPresenceAhead={40}>
        {deployment.part === "option" ? "" : `${deployment.part}: `}
        {deployment.label} ({deployment.catalogId}) · {WEIGHTED_SEAL_SCORE_LABEL} {deployment.weightedScore} of 4 (OpenTCO&apos;s aggregation){deployment.meetsMinimum ? "" : " · below the profile's minimum"}
      </Text>
      {deployment.residencyPremium ? <Text style={styles.small}>Residency premium: {deployment.residencyPremium}</Text> : null}
      {deployment.seal.map((cell, index) => (
        <View key={index} style={{ marginLeft: 8, marginTop: 2 }} wrap={false}>
          <Text style={styles.small}>
            <Text style={{ fontWeight: 600 }}>{`${objectives[index]?.id ?? ""} ${objectives[index]?.name ?? ""}: `}</Text>
            {`SEAL ${cell.level} (${cell.levelName})`}
            {cell.minimum !== null ? ` · minimum ${cell.minimum}${cell.belowMinimum ? ", not met" : ", met"}` : ""}
            {cell.override ? ` · overridden from ${cell.derivedLevel}; justification: “${cell.override.justification}”` : ""}
            {cell.reasoning.length > 0 ? ` · ${cell.reasoning.join(" ")}` : ""}
          </Text>
          {cell.sources.map((source, s) => (
            <Text key={s} style={[styles.small, styles.muted]}>
              Source: {describeSource(source)}
              {source.note ? ` (${source.note})` : ""}
            </Text>
          ))}
        </View>
      ))}
      {deployment.overheadsToPrice.length > 0 ? (
        <Text style={[styles.small, { marginTop: 2 }]}>To price: {deployment.overheadsToPrice.map((overhead) => overhead.label).join("; ")}</Text>
      ) : null}
    </View>
  );
}

function CompliancePart({ matrix }: { matrix: ComplianceMatrix }) {
  const table: TextTable = {
    columns: [{ header: "Requirement", numeric: false, weight: 3 }, ...matrix.options.map((option) => ({ header: option.name, numeric: false, weight: 1.6 }))],
    rows: [
      { cells: ["Verdict", ...matrix.options.map((option) => option.verdictLabel)], emphasised: true, style: null },
      ...matrix.requirements.map((requirement) => ({ cells: [requirement.label, ...requirement.cells.map((cell) => cell.label)], emphasised: false, style: null })),
    ],
  };
  return (
    <View>
      <Heading level={2}>Compliance and sovereignty</Heading>
      <Text style={[styles.small, styles.paragraph]}>Profile: {matrix.profileSummary}</Text>
      <Text style={[styles.small, styles.paragraph]}>
        Cheapest compliant option: {matrix.cheapest?.name ?? "none"} ({matrix.costBasis}). SEAL objectives and weights: {matrix.objectives.map((objective) => `${objective.id} ${objective.name} ×${objective.weight}`).join(", ")}.{" "}
        {WEIGHTED_SEAL_SCORE_LABEL}: {WEIGHTED_SEAL_SCORE_NOTE}.
      </Text>
      <Table table={table} />
      <Heading level={3}>Reasons and sources</Heading>
      {matrix.requirements.flatMap((requirement) =>
        requirement.cells.flatMap((cell, index) =>
          cell.reasons.map((reason, r) => (
            <View key={`${requirement.requirement}-${index}-${r}`} style={{ marginBottom: 4 }} wrap={false}>
              <Text>
                <Text style={{ fontWeight: 700, color: STATUS_COLOURS[cell.status] }}>{cell.label}</Text> · {matrix.options[index]?.name} · {requirement.label}: {reason.message}
              </Text>
              <Text style={[styles.small, styles.muted]}>
                Source: {describeSource(reason.source)}
                {reason.source.note ? ` (${reason.source.note})` : ""}
                {reason.ruleSource ? ` · rule: ${describeSource(reason.ruleSource)}` : ""}
              </Text>
            </View>
          )),
        ),
      )}
      <Heading level={3}>Sovereignty by deployment (SEAL levels per objective)</Heading>
      {matrix.options.map((option) => (
        <View key={option.optionId}>
          <Text style={{ fontWeight: 700, marginTop: 4 }} minPresenceAhead={50}>
            {option.name} — {option.verdictLabel}
          </Text>
          {option.deployments.length === 0 ? <Text style={styles.small}>No deployment assessed.</Text> : option.deployments.map((deployment) => <Deployment key={deployment.part} deployment={deployment} objectives={matrix.objectives} />)}
        </View>
      ))}
    </View>
  );
}

/** "Source: Publisher, Title, date", the title linked, and the URL printed for a paper reader. */
function SourceLine({ source }: { source: CitationView }) {
  return (
    <Text style={styles.small}>
      Source: {source.publisher === null ? "" : `${source.publisher}, `}
      {source.url === null ? source.title : <Link src={source.url}>{source.title}</Link>}, {source.date}
      {source.url === null ? null : <Text style={styles.muted}> · {source.url}</Text>}
    </Text>
  );
}

function CatalogueValues({ rows }: { rows: AssumptionView[] }) {
  return (
    <View>
      {rows.map((row, index) => (
        <View key={index} style={{ borderBottomWidth: 0.4, borderBottomColor: COLOURS.border, paddingVertical: 3 }} wrap={false}>
          <Text>
            <Text style={{ fontWeight: 700 }}>{row.field}</Text> = {row.value}
            <Text style={{ fontWeight: row.overridden ? 700 : 400, color: row.overridden ? COLOURS.warning : COLOURS.text }}> · {row.status}</Text>
            {row.stale ? <Text style={{ color: COLOURS.warning }}> · stale</Text> : null}
            <Text style={styles.muted}> · {row.options}</Text>
          </Text>
          <Text style={styles.small}>
            Entry: {row.entry} · figures as of {row.asOf} · {row.confidence}
          </Text>
          {row.sources.length === 0 ? <Text style={styles.small}>Source: none</Text> : row.sources.map((source, sourceIndex) => <SourceLine key={sourceIndex} source={source} />)}
          {row.overrideSource ? <Text style={[styles.small, { color: COLOURS.warning }]}>Override source: {row.overrideSource}</Text> : null}
        </View>
      ))}
    </View>
  );
}

function InputsTable({ rows }: { rows: InputRow[] }) {
  return (
    <Table
      table={{
        columns: [
          { header: "Input", numeric: false, weight: 4 },
          { header: "Value", numeric: true, weight: 1.8 },
          { header: "Unit", numeric: false, weight: 1.8 },
          { header: "Meaning", numeric: false, weight: 3.4 },
        ],
        rows: rows.map((row) => ({ cells: [row.field, row.value, row.unit, row.meaning], emphasised: false, style: null })),
      }}
    />
  );
}

function MethodologyPart({ methodology }: { methodology: Methodology }) {
  return (
    <View>
      <Heading level={2}>
        Methodology
      </Heading>
      {methodology.paragraphs.map((paragraph) => (
        <View key={paragraph.heading} wrap={false} style={{ marginBottom: 5 }}>
          <Text style={{ fontWeight: 700 }}>{paragraph.heading}</Text>
          <Text>{paragraph.text}</Text>
        </View>
      ))}
      <Heading level={2}>Glossary</Heading>
      {methodology.glossary.map((entry) => (
        <Text key={entry.term} style={styles.paragraph} wrap={false}>
          <Text style={{ fontWeight: 700 }}>{entry.term}</Text> — {entry.definition}
        </Text>
      ))}
    </View>
  );
}

/** A page run with the running header and footer; react-pdf paginates each run on its own. */
function Pages({ frame, size, children }: { frame: PageFrame; size: PdfPageSize; children: ReactNode }) {
  return (
    <Page size={size} style={styles.page}>
      <Frame frame={frame} />
      {children}
    </Page>
  );
}

function ComparisonPart({ section }: { section: ScenarioSection }) {
  return (
    <View>
      <Heading level={2}>Comparison of options</Heading>
      <Text style={[styles.small, styles.paragraph]}>Money over the whole horizon, in the scenario currency; the cheapest compliant option is in bold.</Text>
      <Table table={section.comparison} />
      {section.breakEven ? (
        <>
          <Heading level={3}>Break-even months (row option against column option)</Heading>
          <Table table={section.breakEven} />
        </>
      ) : null}
    </View>
  );
}

function ChartsPart({ section, width }: { section: ScenarioSection; width: number }) {
  const { charts } = section;
  return (
    <View>
      <Heading level={2}>Charts</Heading>
      <PdfChart chart={charts.breakdown} width={width} />
      {charts.capacity ? <PdfChart chart={charts.capacity} width={width} /> : null}
      {charts.tornado ? <PdfChart chart={charts.tornado} width={width} /> : null}
      {charts.monteCarlo ? <PdfChart chart={charts.monteCarlo} width={width} legend={false} note={charts.monteCarlo.probabilityText} /> : null}
    </View>
  );
}

function AssumptionsPart({ section }: { section: ScenarioSection }) {
  return (
    <View>
      <Heading level={2}>Assumptions</Heading>
      <Heading level={3}>Scenario settings</Heading>
      {section.facts.map((fact) => (
        <Text key={fact.label} style={styles.paragraph}>
          <Text style={{ fontWeight: 700 }}>{fact.label}:</Text> {fact.value}
        </Text>
      ))}
      <Heading level={3}>Catalogue values used, with their sources</Heading>
      <Text style={[styles.small, styles.paragraph]}>Overrides are marked “Override” with the catalogue's own value beside them; a value older than the staleness limit is marked “stale”.</Text>
      <CatalogueValues rows={section.catalogue} />
    </View>
  );
}

function InputsPart({ section }: { section: ScenarioSection }) {
  return (
    <View>
      <Heading level={2}>Every input of this revision</Heading>
      <Text style={[styles.small, styles.paragraph]}>The exact values the fingerprint covers; shares are fractions (0.1 = 10 %).</Text>
      <InputsTable rows={section.inputs} />
    </View>
  );
}

function ScenarioDocument({ report }: { report: ScenarioReport }) {
  const size = report.info.pageSize;
  const width = contentWidth(size);
  const { section } = report;
  const { frame } = section;
  return (
    <>
      <CoverPage cover={report.cover} frame={frame} size={size} />
      <Pages frame={frame} size={size}>
        <SummaryPart section={section} width={width} />
      </Pages>
      <Pages frame={frame} size={size}>
        <ComparisonPart section={section} />
        <ChartsPart section={section} width={width} />
      </Pages>
      <Pages frame={frame} size={size}>
        <WarningsPart groups={section.warnings} />
        {section.compliance ? <CompliancePart matrix={section.compliance} /> : null}
      </Pages>
      <Pages frame={frame} size={size}>
        <AssumptionsPart section={section} />
        <InputsPart section={section} />
      </Pages>
      <Pages frame={frame} size={size}>
        <MethodologyPart methodology={report.methodology} />
      </Pages>
    </>
  );
}

function CompareDocument({ report }: { report: CompareReport }) {
  const size = report.info.pageSize;
  const width = contentWidth(size);
  return (
    <>
      <CoverPage cover={report.cover} frame={report.frame} size={size} />
      <Pages frame={report.frame} size={size}>
        <Heading level={1}>Scenarios side by side</Heading>
        <Text style={[styles.small, styles.paragraph]}>{report.overviewNote}</Text>
        <Table table={report.overview} />
        {report.chart ? <PdfChart chart={report.chart} width={width} /> : null}
      </Pages>
      {report.sections.map((section) => (
        <Pages key={section.frame.revisionLine} frame={section.frame} size={size}>
          <Text style={{ fontSize: 10, color: COLOURS.muted, marginBottom: 2 }}>{section.scenarioName}</Text>
          <SummaryPart section={section} width={width} />
          <ComparisonPart section={section} />
          <Heading level={3}>Catalogue values used, with their sources</Heading>
          <CatalogueValues rows={section.catalogue} />
        </Pages>
      ))}
      <Pages frame={report.frame} size={size}>
        <MethodologyPart methodology={report.methodology} />
      </Pages>
    </>
  );
}

/** The whole document; its metadata (dates included) comes from the report, never from the clock. */
export function ReportDocument({ report }: { report: Report }) {
  const { info } = report;
  const date = new Date(info.creationDate);
  return (
    <Document
      title={info.title}
      author={info.author}
      subject={info.subject}
      keywords={info.keywords}
      creator="OpenTCO"
      producer="OpenTCO (@react-pdf/renderer)"
      creationDate={date}
      language={info.language}
    >
      {report.kind === "scenario" ? <ScenarioDocument report={report} /> : <CompareDocument report={report} />}
    </Document>
  );
}
