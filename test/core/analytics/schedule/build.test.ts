import { describe, expect, it } from "vitest";
import { networkInput } from "../../../../src/core/analytics/schedule/build.js";
import {
  buildSchedule,
  criticalPaths,
  drivingChains,
  makeCalendar,
  parseDependsOn,
  type ScheduleSource,
  scheduleNetwork,
} from "../../../../src/core/analytics/schedule/index.js";
import type { PmoDocument } from "../../../../src/model/document.js";
import type { Engagement, Milestone, Project } from "../../../../src/model/entities.js";

function source(projects: Partial<Project>[], scheduling?: Engagement["scheduling"]): ScheduleSource {
  return {
    engagement: scheduling ? ({ scheduling } as Engagement) : undefined,
    projects: projects.map((p, i) => ({
      doc: { file: `p${i}.yaml` } as unknown as PmoDocument,
      value: { apiVersion: "pmo/v1", kind: "Project", stage: "planning", name: p.id!, ...p } as Project,
    })),
  };
}

const m = (id: string, rest: Partial<Milestone> = {}): Milestone => ({ id, name: id, ...rest });

describe("working-day calendar", () => {
  const cal = makeCalendar({ days: "working", nonWorkingDates: ["2026-12-25", "2026-12-28", "2026-12-26"] });
  it("counts Monday to Friday and skips non-working dates", () => {
    // 2026-12-21 is a Monday; 25 (Fri) and 28 (Mon) are holidays; 26 is a Saturday anyway.
    const mon = cal.startPoint("2026-12-21");
    expect(cal.dateOfDay(mon)).toBe("2026-12-21");
    expect(cal.dateOfDay(mon + 3)).toBe("2026-12-24");
    expect(cal.dateOfDay(mon + 4)).toBe("2026-12-29");
    expect(cal.startPoint("2026-12-26")).toBe(mon + 4); // a Saturday: work starts next working day
    expect(cal.finishPoint("2026-12-26")).toBe(mon + 4); // finished on Saturday = finished by Thursday's end
    expect(cal.finishPoint("2026-12-24")).toBe(mon + 4);
    expect(cal.isWorkingDate("2026-12-25")).toBe(false);
  });
  it("round-trips every day of a year", () => {
    for (let d = cal.startPoint("2026-01-01"); d < cal.startPoint("2027-01-01"); d++)
      expect(cal.startPoint(cal.dateOfDay(d))).toBe(d);
  });
  it("accepts a custom working week", () => {
    const sixDays = makeCalendar({
      days: "working",
      workingWeekdays: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
    });
    const mon = sixDays.startPoint("2026-12-21");
    expect(sixDays.dateOfDay(mon + 5)).toBe("2026-12-26");
    expect(sixDays.dateOfDay(mon + 6)).toBe("2026-12-28");
  });
});

describe("buildSchedule", () => {
  it("schedules activities from the project start, in working days, with a finish-to-start lag", () => {
    const s = buildSchedule(
      source(
        [
          {
            id: "P",
            schedule: { baselineStart: "2026-03-02" },
            milestones: [
              m("A", { duration: 5 }),
              m("B", { duration: 3, dependsOn: [{ milestone: "A", lag: 2 }] }),
              m("done", { duration: 0, dependsOn: ["B"] }),
            ],
          },
        ],
        { days: "working" },
      ),
      "2026-01-01",
    );
    const a = s.byKey.get("P/A")!;
    const b = s.byKey.get("P/B")!;
    const done = s.byKey.get("P/done")!;
    expect([a.earlyStart, a.earlyFinish, a.es, a.ef]).toEqual(["2026-03-02", "2026-03-06", 0, 5]);
    // Two working days of lag after Friday 6 March: Wednesday 11 March.
    expect([b.earlyStart, b.earlyFinish, b.es, b.ef]).toEqual(["2026-03-11", "2026-03-13", 7, 10]);
    expect([done.earlyFinish, done.es]).toEqual(["2026-03-13", 10]);
    expect(s.criticalPaths.paths).toEqual([["P/A", "P/B", "P/done"]]);
    expect(b.drivers).toEqual([{ key: "P/A", type: "finish-to-start", lag: 2 }]);
    expect(a.reason).toBe("project-start");
  });

  it("gives a date-constrained milestone plan float from the dates, and flags a forecast its predecessors do not allow", () => {
    const s = buildSchedule(
      source([
        {
          id: "P",
          milestones: [
            m("M1", { forecast: "2026-03-01" }),
            m("M2", { forecast: "2026-03-20", dependsOn: ["M1"] }),
            m("M3", { forecast: "2026-04-30" }),
          ],
        },
        {
          id: "Q",
          milestones: [
            m("M1", { forecast: "2026-02-20", dependsOn: ["P/M2"] }),
            m("M2", { forecast: "2026-05-15", dependsOn: ["M1"] }),
          ],
        },
      ]),
      "2026-01-15",
    );
    const p1 = s.byKey.get("P/M1")!;
    const p2 = s.byKey.get("P/M2")!;
    const q1 = s.byKey.get("Q/M1")!;
    // P/M1 may slip 19 days before it moves P/M2 (free float), and 60 before it moves P's
    // finish (P/M3, 04-30), since P/M2 has float of its own (total float).
    expect([p1.totalFloat, p1.freeFloat]).toEqual([60, 19]);
    // Q/M1 is forecast 2026-02-20 but P/M2 (2026-03-20) must come first: 28 days inconsistent; the pass uses 03-20.
    expect(q1.inconsistentByDays).toBe(28);
    expect(q1.earlyFinish).toBe("2026-03-20");
    expect(q1.drivers.map((d) => d.key)).toEqual(["P/M2"]);
    // P/M2 drives Q/M1, whose late date Q/M2 (05-15) holds; P's own finish (P/M3, 04-30) is tighter: 41 days.
    expect(p2.totalFloat).toBe(41);
    expect(s.byKey.get("P/M3")!.critical).toBe(true);
  });

  it("treats actual dates as facts and schedules remaining work from the as-of date once a project has started", () => {
    const s = buildSchedule(
      source([
        {
          id: "P",
          schedule: { actualStart: "2026-01-05" },
          milestones: [
            m("A", { duration: 10, actualStart: "2026-01-05", actual: "2026-01-16" }),
            m("B", { duration: 10, actualStart: "2026-01-19", dependsOn: ["A"] }),
            m("C", { duration: 5, dependsOn: ["A"] }),
            m("D", { duration: 2, dependsOn: ["B", "C"] }),
          ],
        },
      ]),
      "2026-02-10",
    );
    const a = s.byKey.get("P/A")!;
    const b = s.byKey.get("P/B")!;
    const c = s.byKey.get("P/C")!;
    expect([a.complete, a.totalFloat, a.earlyFinish]).toEqual([true, undefined, "2026-01-16"]);
    // B started on the 19th; ten days would end on the 28th, but it is not done by the as-of date.
    expect([b.inProgress, b.earlyStart, b.earlyFinish]).toEqual([true, "2026-01-19", "2026-02-10"]);
    // C has not started: it cannot start before the as-of date.
    expect([c.earlyStart, c.earlyFinish, c.reason]).toEqual(["2026-02-10", "2026-02-14", "as-of"]);
    expect(s.byKey.get("P/D")!.earlyStart).toBe("2026-02-15");
  });

  it("links across projects with every link type", () => {
    const s = buildSchedule(
      source([
        { id: "P", schedule: { forecastStart: "2026-06-01" }, milestones: [m("build", { duration: 20 })] },
        {
          id: "Q",
          schedule: { forecastStart: "2026-06-01" },
          milestones: [
            m("test", { duration: 10, dependsOn: [{ milestone: "P/build", type: "start-to-start", lag: 5 }] }),
            m("docs", { duration: 4, dependsOn: [{ milestone: "P/build", type: "finish-to-finish", lag: 3 }] }),
            m("handover", { duration: 1, dependsOn: [{ milestone: "P/build", type: "start-to-finish", lag: 30 }] }),
          ],
        },
      ]),
      "2026-01-01",
    );
    expect(s.byKey.get("Q/test")!.earlyStart).toBe("2026-06-06");
    expect(s.byKey.get("Q/docs")!.earlyFinish).toBe("2026-06-23");
    expect(s.byKey.get("Q/handover")!.earlyFinish).toBe("2026-06-30");
    expect(s.projects.map((p) => [p.id, p.finish])).toEqual([
      ["P", "2026-06-20"],
      ["Q", "2026-06-30"],
    ]);
  });
});

describe("buildSchedule over columns", () => {
  // Every kind of item and link, across two projects, with a repeated key and a link to no milestone.
  const src = source([
    {
      id: "P",
      schedule: { baselineStart: "2026-03-02", actualStart: "2026-03-02" },
      milestones: [
        m("A", { duration: 5, actual: "2026-03-06", actualStart: "2026-03-02" }),
        m("B", { duration: 4, actualStart: "2026-03-09", dependsOn: ["A"] }),
        m("C", { duration: 3, dependsOn: [{ milestone: "A", type: "start-to-start", lag: 2 }] }),
        m("D", { forecast: "2026-03-20", dependsOn: [{ milestone: "B", type: "finish-to-finish", lag: 1 }, "C"] }),
        m("E", { durationEstimate: { optimistic: 1, mostLikely: 2, pessimistic: 6 }, dependsOn: ["NOPE"] }),
        m("C", { duration: 9 }),
      ],
    },
    {
      id: "Q",
      schedule: { baselineStart: "2026-03-16" },
      milestones: [
        m("M1", { dependsOn: [{ milestone: "P/D", type: "start-to-finish", lag: -2 }] }),
        m("M2", { duration: 2, dependsOn: ["M1", "P/E"] }),
        m("M3", { baseline: "2026-03-01", dependsOn: ["M2"] }),
      ],
    },
    { id: "R", milestones: [m("only")] },
  ]);

  it("gives the objects scheduleNetwork gives for the same activities and links", () => {
    const input = networkInput(src, "2026-03-12");
    const expected = scheduleNetwork(input.activities, input.links);
    const s = buildSchedule(src, "2026-03-12");
    expect(s.result).toEqual(expected);
    expect(s.criticalPaths).toEqual(criticalPaths(expected));
    expect(s.criticalPaths.paths.length).toBeGreaterThan(0);
    for (const key of expected.byKey.keys()) expect(s.driversOf(key)).toEqual(drivingChains(expected, key));
    expect(input.links.map((l) => `${l.from}>${l.to}`)).toEqual([
      "P/A>P/B",
      "P/A>P/C",
      "P/B>P/D",
      "P/C>P/D",
      "P/D>Q/M1",
      "Q/M1>Q/M2",
      "P/E>Q/M2",
      "Q/M2>Q/M3",
    ]);
  });

  it("builds item i the same way whether or not the items have been read", () => {
    const s = buildSchedule(src, "2026-03-12");
    const before = Array.from({ length: s.itemCount }, (_, i) => s.itemAt(i));
    expect(s.itemAt(0)).not.toBe(s.itemAt(0));
    expect(s.items).toEqual(before);
    expect(s.items.map((it) => it.key)).toEqual(["P/A", "P/B", "P/C", "P/D", "P/E", "Q/M1", "Q/M2", "Q/M3", "R/only"]);
    expect(s.itemAt(3)).toBe(s.items[3]);
    expect(s.byKey.get("Q/M2")).toBe(s.items[6]);
    expect(s.indexOfKey("Q/M2")).toBe(6);
    expect(s.items.map((it, i) => s.isCritical(i) === it.critical)).not.toContain(false);
  });
});

describe("networkInput links", () => {
  it("resolves each dependsOn entry to the first item with its key, in the order written", () => {
    // A project id used twice (the first item with a key wins), links forward and back, within
    // and across projects, and a project too large to be searched item by item.
    const big = Array.from({ length: 20 }, (_, k) =>
      m(`B${k}`, { duration: 1, dependsOn: k === 0 ? ["B19"] : [`B${k - 1}`, "P/M2"] }),
    );
    big[19] = m("B19", { duration: 1, dependsOn: ["P/M1"] });
    const src = source([
      { id: "P", milestones: [m("M1", { dependsOn: ["M3", "M2"] }), m("M2"), m("M1", { dependsOn: ["M2"] })] },
      { id: "Q", milestones: [m("M1", { dependsOn: ["P/M3", { milestone: "M2", type: "start-to-start", lag: 3 }] })] },
      { id: "P", milestones: [m("M3", { dependsOn: ["M2", "M4"] }), m("M2", { dependsOn: ["Q/M1"] })] },
      { id: "BIG", milestones: big },
    ]);
    // The reading of the links, written out plainly: every key, then every entry of every kept item.
    const keys = new Set<string>();
    const kept: { project: string; milestone: Milestone }[] = [];
    for (const { value: p } of src.projects)
      for (const ms of p.milestones ?? []) {
        const key = `${p.id}/${ms.id}`;
        if (keys.has(key)) continue;
        keys.add(key);
        kept.push({ project: p.id, milestone: ms });
      }
    const expected = kept.flatMap(({ project, milestone }) =>
      (milestone.dependsOn ?? [])
        .map((entry) => parseDependsOn(project, entry))
        .filter((l) => keys.has(l.key))
        .map((l) => ({ from: l.key, to: `${project}/${milestone.id}`, type: l.type, lag: l.lag })),
    );
    const input = networkInput(src, "2026-03-12");
    expect(input.linkNames).toEqual(expected);
    expect(expected.length).toBe(42);
    expect([...input.columns.from].map((f) => input.nodes.keys[f])).toEqual(expected.map((l) => l.from));
    expect([...input.columns.to].map((t) => input.nodes.keys[t])).toEqual(expected.map((l) => l.to));
  });
});
