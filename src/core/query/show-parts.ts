import type { PmoDocument } from "../../model/document.js";
import { riskScore, type QueryContext, type Tone } from "./columns.js";
import { riskBandTone } from "./model-reads.js";
import { obj, str, type Relations } from "./relations.js";
import type { Fact, Section, ShowView } from "./show.js";
import { naturalCompare } from "./sort.js";

/**
 * The parts of `pmo show` views that several kinds share: the RAID, issue and project tables,
 * and the wording of one fact (labels, names for ids, people, signs).
 */

export function raidSections(view: ShowView, doc: PmoDocument, ctx: QueryContext): void {
  const id = doc.id ?? "";
  const { relations } = ctx;
  view.sections.push({
    key: "risks",
    title: "Risks",
    columns: [
      { key: "id", header: "ID" },
      { key: "title", header: "Title" },
      {
        key: "score",
        header: "P×I",
        align: "right",
        tone: (r) => riskBandTone(typeof r["id"] === "string" ? relations.byId.get(r["id"]) : undefined, ctx),
      },
      { key: "status", header: "Status" },
      { key: "owner", header: "Owner" },
    ],
    items: sortById(
      relations.attached(id, "Risk").map((r) =>
        compact({
          id: r.id,
          title: str(r.value["title"]),
          score: riskScore(r),
          status: str(r.value["status"]),
          owner: personText(relations, r.value["owner"]),
        }),
      ),
    ),
  });
  view.sections.push(issueSection("issues", "Issues", relations.attached(id, "Issue"), ctx));
  view.sections.push({
    key: "decisions",
    title: "Decisions",
    columns: [
      { key: "id", header: "ID" },
      { key: "title", header: "Title" },
      { key: "status", header: "Status" },
      { key: "date", header: "Date" },
    ],
    items: sortById(
      relations.attached(id, "Decision").map((d) =>
        compact({
          id: d.id,
          title: str(d.value["title"]),
          status: str(d.value["status"]),
          date: str(d.value["date"]),
        }),
      ),
    ),
  });
}

export function issueSection(key: string, title: string, issues: PmoDocument[], ctx: QueryContext): Section {
  return {
    key,
    title,
    columns: [
      { key: "id", header: "ID" },
      { key: "title", header: "Title" },
      {
        key: "priority",
        header: "Priority",
        tone: (i) => (i["priority"] === "critical" ? "red" : i["priority"] === "high" ? "amber" : undefined),
      },
      { key: "status", header: "Status" },
      { key: "owner", header: "Owner" },
      {
        key: "due",
        header: "Due",
        tone: (i) =>
          ["open", "in-progress"].includes(String(i["status"])) && typeof i["due"] === "string" && i["due"] < ctx.asOf
            ? "red"
            : undefined,
      },
    ],
    items: sortById(
      issues.map((i) =>
        compact({
          id: i.id,
          title: str(i.value["title"]),
          priority: str(i.value["priority"]),
          status: str(i.value["status"]),
          owner: personText(ctx.relations, i.value["owner"]),
          due: str(i.value["due"]),
        }),
      ),
    ),
  };
}

export function projectSection(key: string, title: string, projects: PmoDocument[], ctx: QueryContext): Section {
  const { relations } = ctx;
  return {
    key,
    title,
    columns: [
      { key: "id", header: "ID" },
      { key: "name", header: "Name" },
      { key: "stage", header: "Stage" },
      {
        key: "status",
        header: "Status",
        tone: (p) => (typeof p["status"] === "string" ? relations.statusScale.colour(p["status"]) : undefined),
      },
      { key: "forecastFinish", header: "Forecast finish" },
    ],
    items: sortById(
      projects.map((p) =>
        compact({
          id: p.id,
          name: str(p.value["name"]),
          stage: str(p.value["stage"]),
          status: str(obj(p.value["status"])?.["overall"]),
          forecastFinish: str(obj(p.value["schedule"])?.["forecastFinish"]),
        }),
      ),
    ),
  };
}

export function owningFacts(view: ShowView, doc: PmoDocument, relations: Relations): void {
  const project = str(doc.value["project"]);
  const portfolio = str(doc.value["portfolio"]);
  if (project !== undefined) fact(view, "Project", labelled(relations, project));
  if (portfolio !== undefined) fact(view, "Portfolio", labelled(relations, portfolio));
  if (project === undefined && portfolio === undefined) fact(view, "For", "the engagement");
}

// ---------------------------------------------------------------- small helpers

export function fact(view: ShowView, label: string, text: string | undefined | false | ""): void {
  if (text) view.facts.push({ label, text });
}

export function pushFact(view: ShowView, f: Fact): void {
  view.facts.push(f);
}

export function tone(t: Tone | undefined): { tone?: Tone } {
  return t ? { tone: t } : {};
}

export function paragraph(view: ShowView, label: string, text: unknown): void {
  if (typeof text === "string" && text.trim() !== "") view.paragraphs.push({ label, text: text.trim() });
}

export function nameOf(relations: Relations, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const doc = relations.byId.get(id);
  return doc ? (str(doc.value["name"]) ?? str(doc.value["title"])) : undefined;
}

/** `PF-ASSET (Asset Renewal)`, or the bare id when it does not resolve. */
export function labelled(relations: Relations, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const name = nameOf(relations, id);
  return name ? `${id} (${name})` : id;
}

/** `Owen Hughes (owen.hughes)` with a roster, the free text without one. */
export function person(relations: Relations, ref: unknown): string | undefined {
  if (typeof ref !== "string") return undefined;
  const name = relations.personName(ref);
  return name === ref ? ref : `${name} (${ref})`;
}

export function personText(relations: Relations, ref: unknown): string | undefined {
  return typeof ref === "string" ? relations.personName(ref) : undefined;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function sortById(items: Record<string, unknown>[]): Record<string, unknown>[] {
  return items.sort((a, b) => naturalCompare(String(a["id"] ?? ""), String(b["id"] ?? "")));
}
