import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The example's README lists every finding `pmo check` reports on it. The check-example golden
// (test/e2e/scenarios/check-example, `pmo check examples/meridian-water --as-of 2026-11-30`)
// is pmo's own output, so the README is held to it here: a new rule or a changed example that
// adds, removes or moves a finding fails this test until the README says so.
const readme = readFileSync("examples/meridian-water/README.md", "utf8");
const golden = readFileSync("test/e2e/scenarios/check-example/stdout", "utf8");

function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  const next = text.indexOf("\n## ", start + heading.length);
  return text.slice(start, next === -1 ? undefined : next);
}

/** `rule file` for each finding the golden prints (its file headers, then indented findings). */
function goldenFindings(text: string): string[] {
  const found: string[] = [];
  let file = "";
  for (const line of text.split("\n")) {
    const header = /^examples\/meridian-water\/(\S+)$/.exec(line);
    if (header) file = header[1]!;
    const finding = /^ {2}\d+:\d+ {2}(?:error|warning|info) {2}.* {2}([a-z0-9-]+)$/.exec(line);
    if (finding) found.push(`${finding[1]} ${file}`);
  }
  return found;
}

/** `rule file` for each row of the README's findings table. */
function readmeFindings(text: string): string[] {
  const rows: string[] = [];
  for (const line of text.split("\n")) {
    const row = /^\| \d+ \|.*\| `([a-z0-9-]+)` \| .*`([^`]+\.yaml)` \|$/.exec(line);
    if (row) rows.push(`${row[1]} ${row[2]}`);
  }
  return rows;
}

describe("examples/meridian-water/README.md, Known findings", () => {
  const known = section(readme, "## Known findings");

  it("quotes the summary line pmo check prints", () => {
    const summary = golden.split("\n").find((line) => line.startsWith("✖ "));
    expect(summary).toBeDefined();
    expect(known).toContain(summary!);
  });

  it("lists each finding of the check, in the order pmo check prints them", () => {
    const expected = goldenFindings(golden);
    expect(expected.length).toBeGreaterThan(0);
    expect(readmeFindings(known)).toEqual(expected);
  });
});
