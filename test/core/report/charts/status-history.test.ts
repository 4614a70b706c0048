import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { statusHistory, type StatusHistoryInput } from "../../../../src/core/report/charts/index.js";
import { dca5Scale } from "./fixtures.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const EVIL = `<script>alert("x" & 'y')</script>`;

/** A project that went amber, then amber/red, then red, then recovered to amber. */
const input: StatusHistoryInput = {
  title: "PRJ-007 Smart metering rollout phase 1: overall status over time",
  scale: dca5Scale,
  points: [
    { date: "2026-06-15", value: "amber-green" },
    { date: "2026-08-03", value: "amber" },
    { date: "2026-09-14", value: "amber-red" },
    { date: "2026-10-19", value: "red" },
    { date: "2026-11-20", value: "amber" },
  ],
  until: "2026-11-30",
};

const ids = (svg: string): string[] => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe("statusHistory chart", () => {
  it("matches its golden SVG", async () => {
    await expect(statusHistory(input).svg).toMatchFileSnapshot(path.join(here, "__snapshots__", "status-history.svg"));
  });

  it("is a valid, labelled SVG whose y axis is the status scale, best at the top", () => {
    const chart = statusHistory(input);
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    const svg = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(chart.svg)["svg"] as Record<
      string,
      unknown
    >;
    expect(svg["role"]).toBe("img");
    const [titleId, descId] = String(svg["aria-labelledby"]).split(" ");
    expect(ids(chart.svg)).toEqual([titleId, descId]);
    expect(chart.svg).not.toMatch(/<style|\sstyle=|<script|href=|NaN|Infinity|undefined/);
    const labels = [
      ...chart.svg.matchAll(
        /<text x="[\d.]+" y="([\d.]+)" text-anchor="end" dominant-baseline="central">([^<]+)<\/text>/g,
      ),
    ].map((m) => [Number(m[1]), m[2]] as const);
    expect(labels.map(([, l]) => l)).toEqual(dca5Scale.map((s) => s.label));
    for (let i = 1; i < labels.length; i++) expect(labels[i]![0]).toBeGreaterThan(labels[i - 1]![0]);
  });

  it("draws a step line: flat while a status holds, up to the as-of date", () => {
    const svg = statusHistory(input).svg;
    const points = /<polyline points="([^"]+)"/
      .exec(svg)![1]!
      .split(" ")
      .map((p) => p.split(",").map(Number) as [number, number]);
    expect(points).toHaveLength(10);
    for (let i = 0; i < points.length; i += 2) expect(points[i]![1]).toBe(points[i + 1]![1]); // flat segments
    for (let i = 1; i + 1 < points.length; i += 2) expect(points[i]![0]).toBe(points[i + 1]![0]); // vertical jumps
    const asOf = /<line x1="([\d.]+)" y1="12" x2="\1"[^>]*stroke-dasharray="4 3"/.exec(svg)!;
    expect(points[points.length - 1]![0]).toBe(Number(asOf[1]));
  });

  it("says what changed, in order, in its text alternative", () => {
    expect(statusHistory(input).description).toBe(
      "Amber/green from 15 Jun 2026. 4 changes: Amber/green to Amber on 3 Aug 2026; Amber to Amber/red on 14 Sep 2026; Amber/red to Red on 19 Oct 2026; Red to Amber on 20 Nov 2026. Amber as of 30 Nov 2026.",
    );
    expect(statusHistory({ ...input, points: [{ date: "2026-10-01", value: "green" }] }).description).toBe(
      "Green from 1 Oct 2026. No change since. Green as of 30 Nov 2026.",
    );
  });

  it("keeps ids apart between charts and stable between runs", () => {
    const a = statusHistory(input);
    expect(statusHistory(input).svg).toBe(a.svg);
    const b = statusHistory({ ...input, title: "Another project" });
    expect(ids(b.svg).filter((id) => ids(a.svg).includes(id))).toEqual([]);
  });

  it("escapes titles and labels", () => {
    const chart = statusHistory({
      ...input,
      title: EVIL,
      scale: [{ value: "green", label: EVIL, color: `red" onload="x` }],
      points: [{ date: "2026-10-01", value: "green" }],
    });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg).not.toContain("<script");
    expect(chart.svg).not.toContain("onload");
  });

  it("draws a value off the scale in its own band below it, and leaves a gap where there was no status", () => {
    const chart = statusHistory({
      ...input,
      points: [
        { date: "2026-09-01", value: "green" },
        { date: "2026-10-01", value: undefined },
        { date: "2026-11-01", value: "blocked" },
      ],
    });
    expect(XMLValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg).toContain(">blocked</text>");
    expect(chart.svg.match(/<polyline /g)).toHaveLength(2);
  });

  it("gives a labelled 'no data' chart for empty or malformed input, never an exception", () => {
    for (const bad of [
      { ...input, points: [] },
      { ...input, scale: [] },
      { ...input, points: [{ date: "2026-02-30", value: "red" }] },
      { ...input, points: [{ date: "2026-10-01", value: undefined }] },
      { title: "T", scale: null, points: null, until: null } as unknown as StatusHistoryInput,
    ]) {
      const chart = statusHistory(bad);
      expect(XMLValidator.validate(chart.svg)).toBe(true);
      expect(chart.description).toContain("No status history to show");
    }
  });
});
