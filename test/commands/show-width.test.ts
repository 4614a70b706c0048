import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/** `pmo show` re-flows prose and long facts to the terminal's width (80 when not a terminal). */
const example = path.resolve(import.meta.dirname, "../../examples/meridian-water");
const show = (env: NodeJS.ProcessEnv = {}, cwd = example, id = "PRJ-001") =>
  runCli(["show", id, "--as-of", "2026-11-30"], { cwd, env });
const widest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));
const words = (text: string) => text.split(/\s+/).join(" ");

describe("pmo show and the terminal's width", () => {
  it("wraps to 80 columns when output is not a terminal, and to COLUMNS when set", async () => {
    const piped = await show();
    const wide = await show({ COLUMNS: "120" });
    const narrow = await show({ COLUMNS: "50" });
    expect(piped.code).toBe(0);
    // The tables of milestones and RAID are not re-flowed; the prose and the facts are.
    const prose = (text: string) =>
      text
        .split("\n\n")
        .filter((block) => !/^\S.*\(\d+\)\n/.test(block))
        .join("\n\n");
    expect(widest(prose(piped.stdout))).toBeLessThanOrEqual(80);
    expect(widest(prose(narrow.stdout))).toBeLessThanOrEqual(50);
    expect(widest(prose(wide.stdout))).toBeGreaterThan(100);
    expect(widest(prose(wide.stdout))).toBeLessThanOrEqual(120);
    expect(words(prose(wide.stdout))).toBe(words(prose(piped.stdout)));
    // A long fact continues under its own text, not under its label.
    expect(piped.stdout).toMatch(/\n {2}Budget: {6}approved .*\n {15}\S/);
  });

  it("re-flows prose written with line breaks, and Japanese prose by display width", async () => {
    const description =
      "GAC contactor civils are complete, but mechanical\n  installation is four weeks behind.\n\n  浄水場の更新工事は、活性炭吸着池の据付が四週間遅れており、規制当局への完了期限に間に合わない見込みである。";
    const dir = makeRepo({
      "engagement.yaml": ENGAGEMENT,
      "p.yaml": `apiVersion: pmo/v1\nkind: Project\nid: PRJ-001\nname: 浄水場\nstage: delivery\ndescription: |\n  ${description}\n`,
    });
    try {
      const result = await show({ COLUMNS: "40" }, dir);
      expect(result.code).toBe(0);
      const block = result.stdout.split("Description\n")[1]!.split("\n\n");
      expect(block[0]).toBe(
        "  GAC contactor civils are complete, but\n  mechanical installation is four weeks\n  behind.",
      );
      const japanese = block[1]!.split("\n");
      expect(japanese.length).toBeGreaterThan(2);
      // Each line at most 40 columns: 2 of indent and 19 wide characters.
      for (const line of japanese) expect(line.length).toBeLessThanOrEqual(2 + 19);
      expect(japanese.map((l) => l.trim()).join("")).toBe(
        "浄水場の更新工事は、活性炭吸着池の据付が四週間遅れており、規制当局への完了期限に間に合わない見込みである。",
      );
      for (const line of japanese) expect(line.trim()).not.toMatch(/^[、。]/);
    } finally {
      removeRepo(dir);
    }
  });
});

describe("pmo ls and pmo show tables and the terminal's width", () => {
  const ls = (env: NodeJS.ProcessEnv) => runCli(["ls", "projects", "--as-of", "2026-11-30"], { cwd: example, env });
  const cells = (text: string) =>
    text
      .split(/\s+/)
      .filter((w) => w !== "")
      .sort();

  it("narrows a table to COLUMNS by wrapping its widest cells, keeping every word", async () => {
    const wide = await ls({ COLUMNS: "400" });
    const narrow = await ls({ COLUMNS: "120" });
    const piped = await ls({});
    expect(wide.code).toBe(0);
    expect(narrow.code).toBe(0);
    expect(widest(wide.stdout)).toBeGreaterThan(120);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(120);
    expect(cells(narrow.stdout)).toEqual(cells(wide.stdout));
    // A pipe without COLUMNS keeps one line per row, for grep and scripts.
    expect(piped.stdout).toBe(wide.stdout);
  });

  it("wraps the tables of pmo show as well as its prose", async () => {
    // PRJ-001's milestone table needs 68 columns at the least (dates and numbers are not wrapped).
    const narrow = await show({ COLUMNS: "72" });
    const wide = await show({ COLUMNS: "400" });
    expect(narrow.code).toBe(0);
    expect(widest(wide.stdout)).toBeGreaterThan(72);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(72);
  });
});
