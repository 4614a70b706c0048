#!/usr/bin/env node
// A synthetic git history for `pmo history`: the generated repository of `projects` projects
// (bench/generate.mjs) as a first commit, then `commits - 1` commits, one a day, each a
// status update of one or two projects (overall status, forecast finish, forecast cost,
// status date). Written with one `git fast-import`, so 1,000 commits take a second.
//
//   node bench/generate-history.mjs [--projects 100] [--commits 1000] [--out bench/.repos/h100]

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { stringify } from "yaml";
import { AS_OF, buildDocuments } from "./generate.mjs";

const MANIFEST = ".bench-history.json";
const AUTHORS = [
  "Ann Lee <ann@example.com>",
  "Bob Cole <bob@example.com>",
  "Cy Dunn <cy@example.com>",
  "Di Evans <di@example.com>",
  "Ed Fox <ed@example.com>",
];
const STATUSES = ["green", "amber", "red"];

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every ISO date in `value` moved by `days` (in place): the portfolio as of another day. */
function shiftDates(value, days) {
  if (!value || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string" && DATE.test(v)) value[k] = addDays(v, days);
    else shiftDates(v, days);
  }
}

/** @returns {{ dir: string, commits: number, files: number, reused: boolean }} */
export function generateHistory(
  dir,
  { projects = 100, commits = 1000, seed = 7, everyDays = 1, touchAll = false } = {},
) {
  const root = resolve(dir);
  // everyDays and touchAll (every project updated in every commit, like an annual
  // publication) enter the manifest only when set, so existing repositories are reused.
  const wanted = JSON.stringify({
    projects,
    commits,
    seed,
    version: 2,
    ...(everyDays !== 1 && { everyDays }),
    ...(touchAll && { touchAll }),
  });
  const manifest = join(root, ".git", MANIFEST);
  if (existsSync(manifest) && readFileSync(manifest, "utf8") === wanted) {
    return {
      dir: root,
      commits,
      files: Number(execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").length - 1),
      reused: true,
    };
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: root });

  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const documents = buildDocuments({ projects, risksPerProject: 5, seed: 1 });
  const projectDocs = documents.filter((d) => d.doc.kind === "Project");
  const chunks = [];
  const data = (text) => {
    const bytes = Buffer.from(text, "utf8");
    chunks.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from("\n"));
  };
  // Daily commits start in March 2024; spaced ones end by October 2026, before the bench as-of date.
  const start = everyDays === 1 ? "2024-03-01" : addDays("2026-10-01", -(commits - 1) * everyDays);
  // The generated portfolio is as of the bench date (AS_OF); a history that starts years
  // earlier first moves every date back, so its first commit holds no decision, review or
  // actual date after that commit's own date (otherwise each early state is judged with tens of
  // thousands of date-in-future errors that say nothing about the portfolio).
  const lag = Math.round((Date.parse(`${AS_OF}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86400000);
  if (lag > 60) for (const { doc } of documents) shiftDates(doc, -lag);
  for (let i = 0; i < commits; i++) {
    const date = addDays(start, i * everyDays);
    const author = AUTHORS[i % AUTHORS.length];
    const when = `${Math.floor(Date.parse(`${date}T09:00:00Z`) / 1000)} +0000`;
    chunks.push(Buffer.from(`commit refs/heads/main\nauthor ${author} ${when}\ncommitter ${author} ${when}\n`));
    data(i === 0 ? "Initial portfolio" : `Status update ${date}`);
    const touched =
      i === 0
        ? documents
        : touchAll
          ? projectDocs
          : Array.from(
              { length: 1 + Math.floor(random() * 2) },
              () => projectDocs[Math.floor(random() * projectDocs.length)],
            );
    for (const entry of touched) {
      const doc = entry.doc;
      if (i > 0 && doc.kind === "Project") {
        const { recoveryPlan, ...status } = doc.status ?? {};
        const overall = STATUSES[Math.floor(random() * 3)];
        // A red report carries a recovery plan, as the portfolio generator's red projects do.
        doc.status = {
          ...status,
          asOf: date,
          overall,
          ...(overall === "red"
            ? { recoveryPlan: recoveryPlan ?? "Re-plan the remaining milestones with the supplier." }
            : {}),
        };
        if (doc.budget?.forecast !== undefined && random() < 0.5)
          doc.budget.forecast = Math.round(doc.budget.forecast * (1 + (random() - 0.4) / 20));
        if (doc.schedule?.forecastFinish && random() < 0.3)
          doc.schedule.forecastFinish = addDays(doc.schedule.forecastFinish, Math.floor(random() * 30));
      }
      chunks.push(Buffer.from(`M 100644 inline ${entry.file}\n`));
      data(stringify(doc, { lineWidth: 0 }));
    }
    chunks.push(Buffer.from("\n"));
  }
  execFileSync("git", ["fast-import", "--quiet"], { cwd: root, input: Buffer.concat(chunks), maxBuffer: 1 << 30 });
  execFileSync("git", ["checkout", "-q", "-f", "main"], { cwd: root });
  writeFileSync(manifest, wanted);
  return { dir: root, commits, files: documents.length, reused: false };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  const projects = Number(value("--projects", "100"));
  const result = generateHistory(value("--out", `bench/.repos/h${projects}`), {
    projects,
    commits: Number(value("--commits", "1000")),
  });
  console.log(
    `${result.reused ? "reused" : "generated"} ${result.commits} commits over ${result.files} files in ${result.dir}`,
  );
}
