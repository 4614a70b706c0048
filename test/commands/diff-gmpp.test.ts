import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiffMarkdown } from "../../src/core/diff/index.js";
import { runCli } from "../helpers/cli.js";
import { commitAll, makeGitRepo } from "../helpers/git.js";
import { removeRepo } from "../helpers/repo.js";

/**
 * pmo diff on real data: the UK Government Major Projects Portfolio (GMPP) publications of
 * 2022 and 2023 (`../shared/data/gmpp/gmpp_2014_2023_long.csv`, Infrastructure and Projects
 * Authority, Open Government Licence v3.0), imported with `pmo import csv` into a repository,
 * one commit per publication. What the diff says is checked against figures computed here
 * directly from the CSV.
 */
const projectRoot = path.resolve(fileURLToPath(import.meta.url), "../../..");

function gmppCsv(): string {
  for (let dir = projectRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "data", "gmpp", "gmpp_2014_2023_long.csv");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error("the GMPP data was not found: put it at ../shared/data/gmpp (see examples/import/README.md)");
  }
}

/** RFC 4180 CSV: quoted fields with commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const RANK: Record<string, number> = { green: 0, amber: 1, red: 2 };

interface Row {
  id: string;
  name: string;
  rating: string;
  snapshot: string;
  end: string;
  wlc: string;
}

/**
 * One publication's rows. The rating is the IPA's Delivery Confidence Assessment, else the
 * senior responsible owner's (2022 and 2023 publish three points: green, amber, red); a row
 * with neither has no status report.
 */
function publication(all: string[][], year: string): Row[] {
  const [header, ...rows] = all;
  const col = (name: string) => header!.indexOf(name);
  const rating = (r: string[]) =>
    [r[col("dca_ipa")], r[col("dca_sro")]].map((v) => (v ?? "").trim().toLowerCase()).find((v) => v in RANK) ?? "";
  return rows
    .filter((r) => r[col("publication_year")] === year)
    .map((r) => ({
      id: r[col("gmpp_id")]!,
      name: r[col("project_name")]!,
      rating: rating(r),
      snapshot: r[col("snapshot_date")]!,
      end: r[col("end_date")]!,
      wlc: r[col("wlc_baseline_gbp_m")]!,
    }));
}

const MAPPING = `kind: Project
blanks: ["", "#N/A", N/A, "-", Not provided]
blankPatterns: [^(data |date )?exempt, ^early planning, not provided, ^no end date, not in a position to provide]
dateFormats: [iso, DD/MM/YYYY, DD/MM/YY]
fields:
  id: { template: "GMPP-{{column:gmpp_id}}" }
  name: project_name
  schedule.forecastFinish: end_date
  # The whole-life cost as published each year, as the forecast the diff sums.
  budget.forecast: { column: wlc, scale: 1000000 }
  status.asOf: status_date
  status.overall: rating
constants:
  stage: initiation
  budget.currency: GBP
`;

const ENGAGEMENT = `apiVersion: pmo/v1
kind: Engagement
id: GMPP
name: Government Major Projects Portfolio
client: { name: HM Government }
provider: { name: Infrastructure and Projects Authority }
pmoType: [strategic]
phase: { current: monitoring, since: 2016-01-01 }
scope: { services: [reporting] }
currency: GBP
`;

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));

describe("pmo diff on the GMPP publications 2022 and 2023", () => {
  it("lists every project whose rating worsened, the finishes that slipped, and the forecast like for like", async () => {
    const all = parseCsv(readFileSync(gmppCsv(), "utf8").replace(/^\uFEFF/, ""));
    const years = { 2022: publication(all, "2022"), 2023: publication(all, "2023") };
    const dir = makeGitRepo({ "engagement.yaml": ENGAGEMENT });
    repos.push(dir);
    writeFileSync(path.join(dir, ".pmoignore"), "data/\n");
    mkdirSync(path.join(dir, "data"));
    writeFileSync(path.join(dir, "data", "mapping.yaml"), MAPPING);
    for (const year of ["2022", "2023"] as const) {
      const lines = [
        "gmpp_id,project_name,rating,status_date,end_date,wlc",
        ...years[year].map((r) =>
          [r.id, r.name, r.rating, r.rating ? r.snapshot : "", r.end, r.wlc].map(quote).join(","),
        ),
      ];
      writeFileSync(path.join(dir, "data", `${year}.csv`), `${lines.join("\n")}\n`);
      rmSync(path.join(dir, "projects"), { recursive: true, force: true });
      const imported = await runCli(
        ["import", "csv", `data/${year}.csv`, "--mapping", "data/mapping.yaml", "--out", "projects"],
        { cwd: dir },
      );
      expect(imported.code, imported.stderr).toBe(0);
      commitAll(dir, `GMPP ${year}`, `${year}-03-31T12:00:00Z`);
    }

    // Independently, from the CSV: projects in both years whose rating got worse.
    const before = new Map(years[2022].map((r) => [r.id, r]));
    const worsened = years[2023]
      .filter((r) => {
        const old = before.get(r.id);
        return old !== undefined && old.rating !== "" && r.rating !== "" && RANK[r.rating]! > RANK[old.rating]!;
      })
      .map((r) => `GMPP-${r.id}`)
      .sort();
    expect(worsened.length).toBe(24);

    const { stdout, code } = await runCli(["diff", "HEAD~1", "HEAD", "--format", "json", "--as-of", "2023-03-31"], {
      cwd: dir,
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.validity.base.valid && json.validity.head.valid).toBe(true);
    expect(json.decision.worsened.map((m: { id: string }) => m.id).sort()).toEqual(worsened);
    expect(json.summary.text).toMatch(/^24 projects worsened, \d+ improved, /);
    // 49 or more finish dates moved later, and the summary says so.
    expect(json.summary.finishes.slipped).toBeGreaterThanOrEqual(49);
    expect(json.summary.text).toContain(`; ${json.summary.finishes.slipped} finishes slipped (max +`);

    // The forecast like for like: projects in both years with a whole-life cost in both.
    // 2022 publishes "£32,614", 2023 "34"; withheld amounts are prose.
    const amount = (r: Row) => {
      const v = r.wlc.trim().replace(/^£/, "").replace(/,/g, "");
      return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) * 1e6 : undefined;
    };
    let lflBefore = 0;
    let lflAfter = 0;
    let unknown = 0;
    for (const r of years[2023]) {
      const old = before.get(r.id);
      if (!old) continue;
      const [x, y] = [amount(old), amount(r)];
      if (x !== undefined && y !== undefined) {
        lflBefore += x;
        lflAfter += y;
      } else if (x !== undefined) unknown++;
    }
    const [money] = json.summary.money;
    expect(lflBefore).toBeGreaterThan(0);
    expect(Math.abs(money.likeForLike.before - lflBefore)).toBeLessThan(1);
    expect(Math.abs(money.likeForLike.after - lflAfter)).toBeLessThan(1);
    expect(money.newlyUnknown.projects).toBe(unknown);
    // The total falls while the like-for-like forecast grows: the split is what says it.
    expect(money.total.delta).toBeLessThan(0);
    expect(money.likeForLike.delta).toBeGreaterThan(0);
    expect(json.summary.text).toMatch(
      /forecast \+GBP [\d.]+bn \(\+[\d.]+%\) like for like, .* newly unknown \(\d+ projects\).*: total -GBP [\d.]+bn \(-[\d.]+%\)/,
    );

    // The pull-request comment, within its cap, lists all 24 worsened projects.
    const md = formatDiffMarkdown(json);
    expect(md.length).toBeLessThanOrEqual(60_000);
    const table = md.slice(md.indexOf("<b>Worsened</b>"), md.indexOf("</details>", md.indexOf("<b>Worsened</b>")));
    for (const id of worsened) expect(table).toContain(`| **${id.replace(/_/g, "\\_")}** `);
    expect(md).toContain(`<b>Finishes later</b>: ${json.summary.finishes.slipped} projects`);
  }, 120_000);
});
