import Table from "cli-table3";
import { describe, expect, it } from "vitest";
import { displayWidth, renderTable, renderTextTable, type Paint } from "../../../src/core/query/table.js";
import type { Cell } from "../../../src/core/query/columns.js";

/**
 * renderTable lays tables out itself (cli-table3's layout grows with the square of the rows).
 * Its output must stay what cli-table3 gave with the options pmo used: borderless, two spaces
 * between columns, no padding, colour codes taking no room, wide characters two columns.
 */
const CHARS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "  ",
};

function withCliTable3(
  headers: string[],
  rows: Cell[][],
  align: ("left" | "right" | undefined)[],
  paint: Paint,
  header: (t: string) => string,
): string {
  const table = new Table({
    head: headers.map(header),
    chars: CHARS,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0, compact: true },
    colAligns: headers.map((_, i) => align[i] ?? "left"),
  });
  for (const row of rows) table.push(row.map((cell) => (cell.tone ? paint(cell.tone, cell.text) : cell.text)));
  return (
    table
      .toString()
      .split("\n")
      .map((line) => line.trimEnd())
      .join("\n") + "\n"
  );
}

const SAMPLES = [
  "",
  "a",
  "PRJ-001",
  "Ünïcödé",
  "日本語",
  "café",
  "e\u0301",
  "😀 ok",
  "two\nlines",
  "\u001b[31mred\u001b[39m",
  "  lead",
  "trail  ",
  "GBP 1,234,567",
  "x".repeat(40),
];
const bold: Paint = (_tone, text) => `\u001b[1m${text}\u001b[22m`;

describe("renderTable", () => {
  it("lays out as cli-table3 did, on 2,000 seeded random tables", () => {
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = (): string => SAMPLES[Math.floor(rnd() * SAMPLES.length)]!;
    for (let t = 0; t < 2000; t++) {
      const cols = 1 + Math.floor(rnd() * 4);
      const headers = Array.from({ length: cols }, () => pick() || "h");
      const rows: Cell[][] = Array.from({ length: Math.floor(rnd() * 5) }, () =>
        Array.from({ length: cols }, () => ({ text: pick(), ...(rnd() < 0.3 ? { tone: "dim" as const } : {}) })),
      );
      const align = headers.map(() => (rnd() < 0.4 ? ("right" as const) : undefined));
      const header = rnd() < 0.5 ? (h: string) => h : (h: string) => `\u001b[1m${h}\u001b[22m`;
      expect(renderTable(headers, rows, { align, paint: bold, header })).toBe(
        withCliTable3(headers, rows, align, bold, header),
      );
    }
  });

  it("lays a table of one-line cells out as the general layout does (ragged rows, colours, wide characters)", () => {
    // With a width the general layout runs; so wide that nothing is narrowed, it must agree.
    let seed = 11;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const oneLine = SAMPLES.filter((s) => !s.includes("\n"));
    const pick = (): string => oneLine[Math.floor(rnd() * oneLine.length)]!;
    for (let t = 0; t < 1000; t++) {
      const cols = Math.floor(rnd() * 5);
      const headers = Array.from({ length: cols }, pick);
      const rows: Cell[][] = Array.from({ length: Math.floor(rnd() * 6) }, () =>
        Array.from({ length: Math.floor(rnd() * 6) }, () => ({
          text: pick(),
          ...(rnd() < 0.3 ? { tone: "dim" as const } : {}),
        })),
      );
      const align = Array.from({ length: 6 }, () => (rnd() < 0.4 ? ("right" as const) : undefined));
      const header = rnd() < 0.5 ? (h: string) => h : (h: string) => `\u001b[1m${h}\u001b[22m`;
      const options = { align, paint: bold, header };
      expect(renderTable(headers, rows, options)).toBe(
        renderTable(headers, rows, { ...options, width: Number.MAX_SAFE_INTEGER }),
      );
    }
  });

  it("lays rows of plain texts out as renderTable lays out the same texts as cells", () => {
    let seed = 13;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = (): string => SAMPLES[Math.floor(rnd() * SAMPLES.length)]!;
    for (let t = 0; t < 1000; t++) {
      const cols = Math.floor(rnd() * 5);
      const headers = Array.from({ length: cols }, pick);
      // Mostly one-line texts (the fast layout), sometimes a text of two lines (the general one).
      const rows = Array.from({ length: Math.floor(rnd() * 6) }, () =>
        Array.from({ length: Math.floor(rnd() * 6) }, () => (rnd() < 0.9 ? pick().replace("\n", " ") : pick())),
      );
      const align = Array.from({ length: 6 }, () => (rnd() < 0.4 ? ("right" as const) : undefined));
      const header = rnd() < 0.5 ? (h: string) => h : (h: string) => `\u001b[1m${h}\u001b[22m`;
      const width = rnd() < 0.1 ? 20 : undefined;
      const cells = rows.map((row) => row.map((text) => ({ text })));
      const plain: Paint = (_tone, text) => text;
      expect(renderTextTable(headers, rows, { align, header, ...(width && { width }) })).toBe(
        renderTable(headers, cells, { align, paint: plain, header, ...(width && { width }) }),
      );
    }
  });

  it("aligns right-aligned columns on the right and strips trailing spaces", () => {
    const out = renderTable(
      ["id", "budget"],
      [
        [{ text: "PRJ-1" }, { text: "12" }],
        [{ text: "PRJ-22" }, { text: "1,200" }],
      ],
      { align: [undefined, "right"], paint: (_t, s) => s, header: (h) => h },
    );
    expect(out).toBe("id      budget\nPRJ-1       12\nPRJ-22   1,200\n");
  });

  it("measures display width without colour codes, wide characters as two", () => {
    expect(displayWidth("\u001b[31mred\u001b[39m")).toBe(3);
    expect(displayWidth("日本")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
  });
});

describe("renderTable to the terminal's width", () => {
  const plain = { paint: ((_tone, text) => text) as Paint, header: (t: string) => t };
  const rows: Cell[][] = [
    [{ text: "PRJ-001" }, { text: "Smart metering rollout across the northern supply zones" }, { text: "green" }],
    [{ text: "PRJ-002" }, { text: "Reservoir safety" }, { text: "amber" }],
  ];

  it("leaves a table that fits as it is", () => {
    expect(renderTable(["ID", "Name", "Status"], rows, { ...plain, width: 200 })).toBe(
      renderTable(["ID", "Name", "Status"], rows, plain),
    );
  });

  it("narrows the widest column and word-wraps its cells, keeping every word", () => {
    const out = renderTable(["ID", "Name", "Status"], rows, { ...plain, width: 40 });
    const lines = out.trimEnd().split("\n");
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    // The Name column may take 23 columns (40 - 7 - 6 - two gaps); its widest wrapped line is 22.
    expect(lines[1]).toBe("PRJ-001  Smart metering rollout  green");
    expect(lines[2]).toBe("         across the northern");
    expect(out.replace(/\s+/g, " ")).toContain("across the northern");
    expect(out.split(/\s+/).filter((w) => w !== "")).toEqual(
      expect.arrayContaining("Smart metering rollout across the northern supply zones".split(" ")),
    );
    // The second row still starts on its own line, lined up with the first.
    expect(lines.find((l) => l.startsWith("PRJ-002"))).toBe("PRJ-002  Reservoir safety        amber");
  });

  it("never narrows a column below its header or 8 columns, even when the table stays wider", () => {
    const out = renderTable(["Identifier", "Name"], [[{ text: "PRJ-001" }, { text: "a b c d e f g h i j" }]], {
      ...plain,
      width: 10,
    });
    const [header] = out.split("\n");
    expect(header).toBe("Identifier  Name");
    for (const line of out.trimEnd().split("\n").slice(1))
      expect(displayWidth(line)).toBeLessThanOrEqual("Identifier".length + 2 + 8);
  });

  it("measures wide characters as two columns when it wraps", () => {
    const out = renderTable(
      ["ID", "名前"],
      [[{ text: "PRJ-9" }, { text: "北部 供給 区域 の スマート メーター 導入" }]],
      { ...plain, width: 24 },
    );
    for (const line of out.trimEnd().split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(24);
  });
});
