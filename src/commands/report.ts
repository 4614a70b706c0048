import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_FORECAST_SEED } from "../core/analytics/schedule/index.js";
import { UsageError } from "../core/errors.js";
import { FORMATTERS } from "../core/format/index.js";
import {
  attachPrecompiled,
  findAudience,
  loadPrecompiled,
  overlayTemplates,
  renderReport,
  type Audience,
  type OutputFormat,
  type Paper,
  type TemplateSet,
  type TemplateSource,
} from "../core/report/index.js";
import { againstBaseline } from "../core/analytics/evm/index.js";
import { buildCatalog } from "../core/catalog/index.js";
import { VALIDATION_CHECKS } from "../core/validate/index.js";
import { ExitCode } from "../model/diagnostic.js";
import { KINDS, type DocumentRef, type PmoDocument } from "../model/document.js";
import type { Engagement } from "../model/entities.js";
import { openBaseline } from "./baseline-plan.js";
import { openComparedStates } from "./report-compare.js";
import type { CommandIO } from "./io.js";
import { readReportGit } from "./report-history.js";
import { writeReport, type OutputFile } from "./report-output.js";
import { findChromium, renderPdf, type ChromiumChoice } from "./report-pdf.js";
import { checkOpenedWorkspace, displayPath, openWorkspace, relativeToCwd } from "./workspace.js";

export const REPORT_FORMATS = ["html", "md", "pdf"] as const;
export const PAPERS = ["a4", "letter"] as const;

export interface ReportCommandOptions {
  dir: string;
  asOf: string;
  config?: string;
  format: OutputFormat | "pdf";
  /** Paper of the print stylesheet and the PDF; the config's `report.paper`, else A4, when not given. */
  paper?: Paper;
  /** `--audience`: the pack of one of the engagement's `reporting.audiences`, in one file. */
  audience?: string;
  /** The browser that prints `--format pdf`: `--chromium`, then the PMO_CHROMIUM environment variable. */
  chromium?: ChromiumChoice;
  out: string;
  single: boolean;
  /**
   * `--pack`: `board` writes the board pack (one page of a few sheets) instead of the report;
   * `full` the whole report. The default: the board pack for PDF, the full report otherwise.
   */
  pack?: "board" | "full";
  templates?: string;
  force: boolean;
  /** Read the git history for the trend charts and "what changed state" (`--no-history` turns it off). */
  history: boolean;
  /** `--since`: the dashboard's trend starts at this date instead of the first commit. */
  since?: string;
  /** `--forecast-iterations`: the schedule forecast's iterations (0 leaves it out); the report's default otherwise. */
  forecastIterations?: number;
  /** `--baseline NAME`: budgets, baseline dates and planned value from the tag pmo-baseline/NAME, read from git. */
  baseline?: string;
  /** `--compare REF`: states set beside this one on a comparison page (git refs or folders). */
  compare?: readonly string[];
  version: string;
}

/** Where the built-in templates are: templates/ at the package root (beside src/ and dist/). */
const BUILT_IN = fileURLToPath(new URL("../../templates/", import.meta.url));

/**
 * `pmo report`: the dashboard, a page per project, the risk register and the engagement page,
 * as Markdown or self-contained HTML. Everything is rendered in memory before anything is
 * written; a repository that does not validate gets its errors, not a report that silently
 * leaves documents out.
 */
export async function runReport(options: ReportCommandOptions, io: CommandIO): Promise<ExitCode> {
  const out = path.resolve(io.cwd, options.out);
  const shownOut = displayPath(out, io.cwd);
  const pdf = options.format === "pdf";
  const format: OutputFormat = pdf ? "html" : (options.format as OutputFormat);
  const pack = options.pack ?? (pdf ? "board" : "full");
  const templates = attachPrecompiled(
    loadTemplates(format, options.templates, io.cwd),
    format,
    await loadPrecompiled(),
  );
  // Before the long part: a PDF without a browser to print it is known at once.
  const chromium = pdf ? await findChromium(options.chromium ?? { platform: "linux" }, io.cwd) : undefined;
  const { root, config, workspace } = await openWorkspace(options, io.cwd);
  const against = options.baseline === undefined ? undefined : await openBaseline(options.dir, options.baseline, io);
  const scenarios = await openComparedStates(options, io);
  if (scenarios === null) return ExitCode.Findings;
  const result = await checkOpenedWorkspace({ root, config, workspace }, options.asOf, io.cwd);
  const invalid = result.diagnostics.filter((d) => d.severity === "error" && VALIDATION.has(d.ruleId));
  if (invalid.length > 0) {
    io.stderr(
      FORMATTERS["stylish"]!(relativeToCwd(invalid, root, io.cwd), { palette: io.palette, sources: result.sources }),
    );
    io.stderr(`report not written: fix the validation errors above first (pmo validate lists them too)\n`);
    return ExitCode.Findings;
  }

  const git = await readReportGit(root, {
    history: options.history,
    config,
    settings: result.settings,
    asOf: options.asOf,
    ...(options.since !== undefined && { since: options.since }),
  });
  const paper = options.paper ?? config.values.report?.paper ?? "a4";
  let audience: Audience | undefined;
  if (options.audience !== undefined) {
    const found = findAudience(result.catalog.engagement?.value, options.audience);
    if (!("audience" in found)) {
      const known =
        found.known.length > 0
          ? `the engagement's reporting.audiences are ${found.known.join(", ")}`
          : "the engagement lists no reporting.audiences";
      throw new UsageError(
        `--audience ${options.audience}: no such audience; ${known} (an audience's id is its id, else its name in lower case with dashes)`,
      );
    }
    audience = found.audience;
  }
  // Against a baseline, the views read each project's plan from the tag and its progress from
  // today; the findings stay those of the repository as it is. Facts are derived again from
  // the merged catalog so that views and facts agree.
  // The merge rewrites documents, so it starts from the loaded ones the catalog holds.
  const loaded = new Map<DocumentRef, PmoDocument>(workspace.documents.map((d) => [d, d]));
  const measured = against
    ? againstBaseline(
        KINDS.flatMap((kind) => result.catalog.ofKind(kind).map((e) => loaded.get(e.doc)!)),
        against.plan,
      )
    : undefined;
  const rendered = renderReport({
    catalog: measured ? buildCatalog(measured.documents) : result.catalog,
    settings: result.settings,
    ...(!measured && { facts: result.model.facts }),
    ...(against && { baselinePlan: against.plan }),
    asOf: options.asOf,
    findings: result.diagnostics,
    waived: result.waived,
    format,
    single: options.single || pdf || audience !== undefined || pack === "board",
    pack,
    templates,
    history: git.history,
    meta: {
      version: options.version,
      commit: git.commit,
      ...(against &&
        measured && {
          baseline: {
            name: against.name,
            commit: against.baseline.commit.slice(0, 7),
            decision: against.baseline.decision ?? null,
            notInBaseline: measured.notInBaseline,
          },
        }),
    },
    paper,
    pdf,
    audience,
    ...(scenarios && { scenarios }),
    ...(options.forecastIterations !== undefined && {
      forecast:
        options.forecastIterations === 0
          ? null
          : { iterations: options.forecastIterations, seed: DEFAULT_FORECAST_SEED },
    }),
    layout: {
      exceptionsAbove: config.values.report?.exceptionsAbove,
      rowsPerPage: config.values.report?.tableRowsPerPage,
    },
  });
  const files: Iterable<OutputFile> =
    chromium !== undefined
      ? [await printReport(rendered, chromium, paper, result.catalog.engagement?.value, options)]
      : rendered;
  for (const warning of git.warnings) io.stderr(warning);
  const { written, removed, first } = await writeReport(out, files, {
    force: options.force,
    shownOut,
    generator: { generator: "pmo", format: options.format },
  });
  const entry = first ?? "";
  const what = written === 1 ? "1 file" : `${written} files`;
  io.stdout(
    `wrote ${what} to ${shownOut}${removed > 0 ? ` (removed ${removed} from the previous report)` : ""}; open ${shownOut}/${entry}\n`,
  );
  return ExitCode.Clean;
}

/** The single HTML page, printed to `report.pdf` by Chromium, with metadata from the report. */
async function printReport(
  rendered: Iterable<OutputFile>,
  executable: string,
  paper: Paper,
  engagement: Engagement | undefined,
  options: ReportCommandOptions,
): Promise<OutputFile> {
  const page = [...rendered].find((f) => f.path === "report.html");
  if (page === undefined || typeof page.content !== "string")
    throw new UsageError(
      "the report has no single page to print (a --templates folder must keep single.hbs and pack.hbs)",
    );
  const content = await renderPdf(page.content, {
    executable,
    paper,
    metadata: {
      title: engagement?.name ?? "Portfolio report",
      author: engagement?.provider.name ?? null,
      subject: engagement ? `Status report for ${engagement.client.name}` : null,
      creator: `pmo ${options.version}`,
      date: options.asOf,
    },
  });
  return { path: "report.pdf", content };
}

/** Rule ids of validation (not governance): documents with these errors are not reportable. */
const VALIDATION = new Set(VALIDATION_CHECKS.map((c) => c.id));

/**
 * The built-in templates of a format, overlaid with the user's from `<dir>/<format>/` (the
 * same layout as the built-in templates/ folder: pages at the top, partials in partials/).
 */
export function loadTemplates(format: OutputFormat, userDir: string | undefined, cwd: string): TemplateSet {
  const builtIn = readTemplateDir(path.join(BUILT_IN, format), `templates/${format}`);
  if (userDir === undefined) return builtIn;
  const dir = path.resolve(cwd, userDir);
  const shown = displayPath(dir, cwd);
  if (!isDir(dir)) throw new UsageError(`--templates ${shown}: no such folder`);
  const formatDir = path.join(dir, format);
  if (!isDir(formatDir))
    throw new UsageError(
      `--templates ${shown} has no ${format}/ folder: put ${format} templates in ${shown}/${format}/ and partials in ${shown}/${format}/partials/ (see docs/templates.md)`,
    );
  const user = readTemplateDir(formatDir, `${shown}/${format}`);
  const { set, unknownPages } = overlayTemplates(builtIn, user);
  if (unknownPages.length > 0) {
    const known = [...builtIn.pages.keys()].sort().join(", ");
    throw new UsageError(
      `template ${unknownPages[0]!.file} overrides no page template (pages: ${known}; partials go in partials/)`,
    );
  }
  return set;
}

function readTemplateDir(dir: string, shownDir: string): TemplateSet {
  const read = (sub: string, shown: string): Map<string, TemplateSource> => {
    const folder = path.join(dir, sub);
    const map = new Map<string, TemplateSource>();
    if (!isDir(folder)) return map;
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith(".hbs"))
      .sort()) {
      map.set(name.slice(0, -4), {
        name: name.slice(0, -4),
        file: `${shown}/${name}`,
        source: readFileSync(path.join(folder, name), "utf8"),
      });
    }
    return map;
  };
  return { pages: read(".", shownDir), partials: read("partials", `${shownDir}/partials`) };
}

function isDir(target: string): boolean {
  return existsSync(target) && statSync(target).isDirectory();
}
