import {
  CADENCES,
  ENGAGEMENT_PHASES,
  PMO_TYPES,
  type Cadence,
  type EngagementPhase,
  type PmoType,
  type PmoService,
} from "../../model/entities.js";
import { addDaysIso } from "../dates.js";
import { UsageError } from "../errors.js";
import { renderTemplate } from "./templates.js";

/** What `pmo init` asks for. */
export interface InitAnswers {
  client: string;
  types: PmoType[];
  phase: EngagementPhase;
  cadence: Cadence;
  currency: string;
  provider: string;
}

/** The answers taken when a question is not asked (--yes, or no terminal) and no flag gives them. */
export const INIT_DEFAULTS: Readonly<Omit<InitAnswers, "client">> = {
  types: ["tactical"],
  phase: "preparation",
  cadence: "monthly",
  currency: "EUR",
  provider: "PMO provider",
};

export interface InitContext {
  /** The engagement's start: phase.since, the example's baseline and status dates. */
  asOf: string;
  /** The version of the pmo that runs pmo init (the schemas' origin). */
  version: string;
  /** pmo's package name and the npm dependency spec the scaffold's package.json installs it from
   * (a version, a git URL or a tarball): npm ci in CI then installs exactly what the lockfile pins. */
  pmoPackage: { name: string; source: string };
  /** The JSON Schemas to copy into schemas/, by name (as `pmo schema <name>` prints them). */
  schemas: ReadonlyMap<string, object>;
}

export interface ScaffoldFile {
  /** Path relative to the new repository, forward slashes. */
  file: string;
  text: string;
}

/** The services a PMO of each type usually runs (the engagement's scope; edit to fit). */
const SERVICES: Record<PmoType, PmoService[]> = {
  strategic: ["portfolio-management", "governance", "reporting", "analysis"],
  tactical: ["project-management-support", "governance", "reporting"],
  operational: ["reporting", "analysis"],
  project: ["project-management-support", "reporting"],
};
const SERVICE_ORDER: readonly PmoService[] = [
  "portfolio-management",
  "project-management-support",
  "project-delivery",
  "governance",
  "reporting",
  "analysis",
];

/** Days between status reports, per cadence; a report is stale a week after the next was due. */
const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, fortnightly: 14, monthly: 31, quarterly: 92 };

/** Where editors find each schema (documents also carry a modeline, which wins). */
const SCHEMA_GLOBS: readonly [string, string[]][] = [
  ["engagement", ["engagement.yaml"]],
  ["portfolio", ["portfolios/**/*.yaml"]],
  ["project", ["projects/**/*.yaml"]],
  ["risk", ["raid/risks/**/*.yaml"]],
  ["issue", ["raid/issues/**/*.yaml"]],
  ["decision", ["raid/decisions/**/*.yaml"]],
  ["person", ["people/**/*.yaml"]],
  ["config", ["pmo.config.yaml"]],
];

/** Checks and normalises answers from flags or prompts; throws a UsageError naming the allowed values. */
export function normaliseAnswers(raw: {
  client: string;
  types: readonly string[];
  phase: string;
  cadence: string;
  currency: string;
  provider: string;
}): InitAnswers {
  const client = raw.client.trim();
  if (client === "") throw new UsageError("the client's name cannot be empty");
  const types = [
    ...new Set(
      raw.types
        .flatMap((t) => t.split(","))
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ""),
    ),
  ];
  if (types.length === 0) throw new UsageError(`a PMO type is needed: ${PMO_TYPES.join(", ")}`);
  for (const type of types)
    if (!(PMO_TYPES as readonly string[]).includes(type))
      throw new UsageError(
        `unknown PMO type "${type}": expected ${PMO_TYPES.join(", ")} (several separated by commas)`,
      );
  const phase = raw.phase.trim().toLowerCase();
  if (!(ENGAGEMENT_PHASES as readonly string[]).includes(phase))
    throw new UsageError(`unknown phase "${raw.phase}": expected ${ENGAGEMENT_PHASES.join(", ")}`);
  const cadence = raw.cadence.trim().toLowerCase();
  if (!(CADENCES as readonly string[]).includes(cadence))
    throw new UsageError(`unknown reporting cadence "${raw.cadence}": expected ${CADENCES.join(", ")}`);
  const currency = raw.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new UsageError(
      `"${raw.currency}" is not a currency code: expected three letters (ISO 4217), e.g. EUR, GBP, USD`,
    );
  const provider = raw.provider.trim();
  if (provider === "") throw new UsageError("the provider's name cannot be empty");
  const ordered = PMO_TYPES.filter((t) => types.includes(t));
  return { client, types: ordered, phase: phase as EngagementPhase, cadence: cadence as Cadence, currency, provider };
}

/** A client name from a folder name: "acme-water" -> "Acme Water". */
export function clientFromFolder(folder: string): string {
  const words = folder.split(/[-_.\s]+/).filter((w) => w !== "");
  return words.length === 0 ? "Client" : words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
}

/** Every file of a new engagement repository, in a stable order. Writes nothing. */
export function planInit(answers: InitAnswers, context: InitContext): ScaffoldFile[] {
  const { asOf, version } = context;
  const pmoPackage = context.pmoPackage;
  const slug = answers.client
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== "")
    .join("-")
    .slice(0, 40)
    .replace(/-+$/, "");
  const services = SERVICE_ORDER.filter((s) => answers.types.some((t) => SERVICES[t].includes(s)));
  const data = {
    ...answers,
    version,
    pmoPackage,
    asOf,
    engagementId: `ENG-${slug === "" ? "PMO" : /^[A-Z]/.test(slug) ? slug : `X${slug}`}`,
    engagementName: `${answers.client} PMO`,
    services,
    statusValidityDays: CADENCE_DAYS[answers.cadence] + 7,
    reviewNext: addDaysIso(asOf, 91),
    milestoneDate: addDaysIso(asOf, 28),
    projectFinish: addDaysIso(asOf, 182),
    typesPhrase:
      answers.types.length === 1
        ? `the ${answers.types[0]} preset adds those of a ${answers.types[0]} PMO`
        : `the ${answers.types.join(" and ")} presets add those of each PMO type`,
    schemaGlobs: SCHEMA_GLOBS.filter(([name]) => context.schemas.has(name)).map(([name, globs]) => ({ name, globs })),
  };
  const render = (template: string, file: string): ScaffoldFile => ({
    file,
    text: renderTemplate(`init/${template}`, data),
  });
  return [
    render("README.md.hbs", "README.md"),
    { file: "package.json", text: packageJson(slug, answers, context.pmoPackage) },
    render("engagement.yaml.hbs", "engagement.yaml"),
    render("pmo.config.yaml.hbs", "pmo.config.yaml"),
    render("portfolio.yaml.hbs", "portfolios/PF-001.yaml"),
    render("project.yaml.hbs", "projects/PRJ-001.yaml"),
    render("risk.yaml.hbs", "raid/risks/RSK-001.yaml"),
    render("decision.yaml.hbs", "raid/decisions/DEC-001.yaml"),
    render("people.yaml.hbs", "people/people.yaml"),
    ...[...context.schemas].map(([name, schema]) => ({
      file: `schemas/${name}.schema.json`,
      text: `${JSON.stringify(schema, null, 2)}\n`,
    })),
    render("github-workflow.yml.hbs", ".github/workflows/pmo.yml"),
    render("gitlab-ci.yml.hbs", ".gitlab-ci.yml"),
    render("vscode-settings.json.hbs", ".vscode/settings.json"),
    render("editorconfig.hbs", ".editorconfig"),
    render("gitignore.hbs", ".gitignore"),
  ];
}

/** The engagement repository's package.json: pmo as its one dev dependency, and scripts for the usual commands. */
function packageJson(slug: string, answers: InitAnswers, pmo: { name: string; source: string }): string {
  const name = `${slug.toLowerCase() || "engagement"}-pmo`;
  const manifest = {
    name,
    private: true,
    description: `The PMO of ${answers.client} as code, checked by pmo`,
    scripts: { check: "pmo check", fmt: "pmo fmt", report: "pmo report --format html --out-dir report" },
    devDependencies: { [pmo.name]: pmo.source },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
