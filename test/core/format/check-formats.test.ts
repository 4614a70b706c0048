import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FORMATTERS, PLAIN, type Palette } from "../../../src/core/format/index.js";
import { escapeData, escapeProperty } from "../../../src/core/format/github.js";
import { MARKDOWN_MAX_ROWS } from "../../../src/core/format/markdown.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import { checkContext, DIAGNOSTICS, HOSTILE, SOURCES, WAIVED } from "./fixtures.js";

/**
 * Golden outputs of every formatter for one check run (findings, waivers, rule metadata), and
 * the edge cases each format has. SARIF and JUnit have their own files: they are validated
 * against a schema and an XML parser.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const snapshot = (name: string) => path.join(here, "__snapshots__", name);

const GOLDEN: Record<string, string> = {
  stylish: "check.stylish.txt",
  json: "check.json",
  github: "check.github.txt",
  markdown: "check.md",
};

describe("check output formats: golden files", () => {
  for (const [name, file] of Object.entries(GOLDEN)) {
    it(name, async () => {
      await expect(FORMATTERS[name]!(DIAGNOSTICS, checkContext())).toMatchFileSnapshot(snapshot(file));
    });
  }

  it("every formatter is pure: same input, same output, input untouched", () => {
    const before = JSON.stringify([DIAGNOSTICS, WAIVED]);
    for (const format of Object.values(FORMATTERS)) {
      expect(format(DIAGNOSTICS, checkContext())).toBe(format(DIAGNOSTICS, checkContext()));
    }
    expect(JSON.stringify([DIAGNOSTICS, WAIVED])).toBe(before);
  });
});

describe("stylish", () => {
  const stylish = FORMATTERS["stylish"]!;

  it("without waivers prints exactly what validate prints", () => {
    const validateCtx = { palette: PLAIN, sources: SOURCES, documents: 5 };
    expect(stylish(DIAGNOSTICS, { ...validateCtx, waived: [] })).toBe(stylish(DIAGNOSTICS, validateCtx));
    expect(stylish(DIAGNOSTICS, validateCtx)).not.toContain("waived");
  });

  it("says when nothing is left but something was waived", () => {
    expect(stylish([], checkContext())).toMatchInlineSnapshot(`
      "Waived
        projects/alpha.yaml:52:5  risk-has-owner  risk RSK-9 has no owner
          waived by j.doe until 2026-12-31: owner being recruited
        projects/gamma.yaml:8:3  milestone-has-date  milestone M9 has no baseline date
          suppressed inline: date set by the client's board

      ✔ no problems in 5 documents, 2 waived
      "
    `);
    expect(stylish([], checkContext({ waived: [] }))).toBe("✔ no problems in 5 documents\n");
  });

  it("writes the summary with the waived count, coloured like the rest", () => {
    const tag = (name: string) => (s: string) => `<${name}>${s}</${name}>`;
    const palette: Palette = {
      red: tag("red"),
      yellow: tag("yellow"),
      blue: tag("blue"),
      green: tag("green"),
      dim: tag("dim"),
      bold: tag("b"),
      underline: tag("u"),
    };
    const out = stylish(DIAGNOSTICS, checkContext({ palette }));
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "<red><b>✖ 4 problems (2 errors, 1 warning, 1 info) in 2 files, 2 waived</b></red>",
    );
    expect(out).toContain("<b>Waived</b>");
  });

  it("describes a config waiver without approver or expiry", () => {
    const w = { ...WAIVED[0]!, waiver: { source: "config" as const, reason: "accepted by the board" } };
    expect(stylish([], checkContext({ waived: [w] }))).toContain("    waived: accepted by the board\n");
  });
});

describe("json", () => {
  const json = FORMATTERS["json"]!;

  it("adds docs, waived and summary.waived only when the caller provides them", () => {
    const validateCtx = { palette: PLAIN, sources: SOURCES, documents: 5 };
    const plain = JSON.parse(json(DIAGNOSTICS, validateCtx));
    expect(Object.keys(plain)).toEqual(["diagnostics", "summary"]);
    expect(plain.summary).toEqual({ problems: 4, errors: 2, warnings: 1, infos: 1, files: 2, documents: 5 });
    expect(plain.diagnostics[0].docs).toBeUndefined();

    const check = JSON.parse(json(DIAGNOSTICS, checkContext()));
    expect(Object.keys(check)).toEqual(["diagnostics", "waived", "summary"]);
    expect(check.summary.waived).toBe(2);
    expect(check.diagnostics[0].docs).toBe("docs/rules/budget-rag-consistent.md");
    expect(check.diagnostics[2].docs).toBeUndefined();
    expect(check.waived[1]).toEqual({
      ruleId: "milestone-has-date",
      severity: "info",
      message: "milestone M9 has no baseline date",
      file: "projects/gamma.yaml",
      line: 8,
      column: 3,
      pointer: "/milestones/0",
      docs: "docs/rules/milestone-has-date.md",
      waiver: { source: "inline", reason: "date set by the client's board" },
    });

    const none = JSON.parse(json([], checkContext({ waived: [] })));
    expect(none.waived).toEqual([]);
    expect(none.summary.waived).toBe(0);
  });

  /** The shape the format promises, serialised by JSON.stringify: the text must be exactly this. */
  function reference(diagnostics: readonly Diagnostic[], ctx: ReturnType<typeof checkContext>): string {
    const entry = (d: Diagnostic) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
      pointer: d.pointer,
      ...(d.hint ? { hint: d.hint } : {}),
      ...(ctx.rules?.get(d.ruleId)?.docs ? { docs: ctx.rules.get(d.ruleId)!.docs } : {}),
    });
    const waived = ctx.waived?.map((d) => ({
      ...entry(d),
      waiver: {
        source: d.waiver.source,
        reason: d.waiver.reason,
        ...(d.waiver.approver !== undefined ? { approver: d.waiver.approver } : {}),
        ...(d.waiver.expires !== undefined ? { expires: d.waiver.expires } : {}),
      },
    }));
    const files = new Set(diagnostics.map((d) => d.file)).size;
    const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
    const body = {
      diagnostics: diagnostics.map(entry),
      ...(waived !== undefined ? { waived } : {}),
      summary: {
        problems: diagnostics.length,
        errors: count("error"),
        warnings: count("warn"),
        infos: count("info"),
        files,
        ...(ctx.documents !== undefined ? { documents: ctx.documents } : {}),
        ...(ctx.notPmo ? { notPmoFiles: ctx.notPmo } : {}),
        ...(ctx.waived !== undefined ? { waived: ctx.waived.length } : {}),
      },
    };
    return JSON.stringify(body, null, 2) + "\n";
  }

  it("is JSON.stringify's text of that shape, byte for byte, edge cases included", () => {
    const odd: Diagnostic[] = [
      HOSTILE,
      // No end position, an empty hint (left out), quotes, a line break and non-ASCII text.
      {
        ruleId: "x",
        severity: "warn",
        message: 'say "hi"\n\tcafé — ✓',
        file: "a.yaml",
        line: 1,
        column: 2,
        pointer: "",
        hint: "",
      },
      // An end line without an end column: endColumn is left out as JSON.stringify leaves out undefined.
      {
        ruleId: "y",
        severity: "info",
        message: "m",
        file: "b.yaml",
        line: 3,
        column: 4,
        endLine: 5,
        pointer: "/a/b~1c",
      },
      { ruleId: "z", severity: "error", message: "", file: "", line: 0, column: Number.NaN, pointer: "/" },
    ];
    const cases: [readonly Diagnostic[], ReturnType<typeof checkContext>][] = [
      [DIAGNOSTICS, checkContext()],
      [[...DIAGNOSTICS, ...odd], checkContext({ notPmo: 3 })],
      [odd, checkContext({ waived: [] })],
      [[], checkContext({ waived: [] })],
      [[], { palette: PLAIN, sources: SOURCES }],
      [DIAGNOSTICS, { palette: PLAIN, sources: SOURCES, documents: 5 }],
    ];
    for (const [diagnostics, ctx] of cases) expect(json(diagnostics, ctx)).toBe(reference(diagnostics, ctx));
  });
});

describe("github", () => {
  const github = FORMATTERS["github"]!;

  it("escapes data and properties as the runner unescapes them", () => {
    expect(escapeData("50% done\r\nnext: a,b")).toBe("50%25 done%0D%0Anext: a,b");
    expect(escapeProperty("50% done\r\nnext: a,b;c")).toBe("50%25 done%0D%0Anext%3A a%2Cb;c");
    expect(github([HOSTILE], checkContext({ waived: [] }))).toBe(
      "::error file=odd/we%2Cird%3Aname%25.yaml,line=2,col=1,title=schema::name <script>&\"' | 50%25: a,b;c%0D%0Anext line\u0000\u0007 `code` *bold* ]]>\n",
    );
  });

  it("prints one line per finding, and nothing at all when there is nothing", () => {
    const out = github(DIAGNOSTICS, checkContext({ waived: [] }));
    expect(out.split("\n").filter(Boolean)).toHaveLength(DIAGNOSTICS.length);
    expect(
      out
        .split("\n")
        .filter(Boolean)
        .every((l) => /^::(error|warning|notice) file=/.test(l)),
    ).toBe(true);
    expect(github([], checkContext({ waived: [] }))).toBe("");
    expect(github([], checkContext())).toBe("::notice title=pmo::2 findings were waived and not annotated\n");
  });
});

describe("markdown", () => {
  const markdown = FORMATTERS["markdown"]!;

  it("escapes table-breaking and HTML characters in messages", () => {
    const out = markdown([HOSTILE], checkContext({ waived: [] }));
    const row = out.split("\n").find((l) => l.startsWith("| ✖"))!;
    expect(row).toBe(
      "| ✖ error | `odd/we,ird:name%.yaml` | 2 | `schema` | name &lt;script&gt;&amp;\"' \\| 50%: a,b;c<br>next line\u0000\u0007 \\`code\\` \\*bold\\* \\]\\]&gt; |",
    );
  });

  it("sorts by severity, then keeps the file order", () => {
    const rows = markdown(DIAGNOSTICS, checkContext({ waived: [] }))
      .split("\n")
      .filter((l) => /^\| [✖⚠ℹ]/.test(l))
      .map((l) => l.split(" | ").slice(0, 3).join(" | "));
    expect(rows).toEqual([
      "| ✖ error | `projects/alpha.yaml` | 14",
      "| ✖ error | `projects/beta dir/beta.yaml` | 4",
      "| ⚠ warning | `projects/alpha.yaml` | 40",
      "| ℹ info | `projects/beta dir/beta.yaml` | 22",
    ]);
  });

  it(`caps the table at ${MARKDOWN_MAX_ROWS} rows and says how many were cut`, () => {
    const many: Diagnostic[] = Array.from({ length: MARKDOWN_MAX_ROWS + 5 }, (_, i) => ({
      ...DIAGNOSTICS[1]!,
      line: i + 1,
    }));
    const out = markdown(many, checkContext({ waived: [] }));
    expect(out.split("\n").filter((l) => l.startsWith("| ⚠"))).toHaveLength(MARKDOWN_MAX_ROWS);
    expect(out).toContain("…and 5 more problems not shown; run `pmo check` for the full list.");
  });

  it("has only the heading when there is nothing to list", () => {
    expect(markdown([], checkContext({ waived: [] }))).toBe("### pmo check: ✔ no problems in 5 documents\n");
  });
});
