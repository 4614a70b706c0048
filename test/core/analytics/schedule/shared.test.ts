import { describe, expect, it } from "vitest";
import {
  buildSchedule,
  NetworkCycleError,
  sharedSchedule,
  type ScheduleSource,
} from "../../../../src/core/analytics/schedule/index.js";
import type { PmoDocument } from "../../../../src/model/document.js";
import type { Engagement, Milestone, Project } from "../../../../src/model/entities.js";

const m = (id: string, rest: Partial<Milestone> = {}): Milestone => ({ id, name: id, ...rest });

function source(milestones: Milestone[], engagement?: Engagement): ScheduleSource {
  const value = {
    apiVersion: "pmo/v1",
    kind: "Project",
    id: "PRJ-1",
    name: "One",
    stage: "delivery",
    schedule: { baselineStart: "2026-01-05" },
    milestones,
  } as unknown as Project;
  return { engagement, projects: [{ doc: { file: "p.yaml" } as unknown as PmoDocument, value }] };
}

describe("sharedSchedule", () => {
  it("builds the network once per project list, engagement and as-of date", () => {
    const s = source([m("M1", { baseline: "2026-02-01" }), m("M2", { baseline: "2026-03-01", dependsOn: ["M1"] })]);
    const first = sharedSchedule(s, "2026-01-10");
    const direct = buildSchedule(s, "2026-01-10");
    expect(first.items).toEqual(direct.items);
    expect(first.criticalPaths).toEqual(direct.criticalPaths);
    // Another source object over the same project list (the rules' and the report's): the same network.
    expect(sharedSchedule({ engagement: s.engagement, projects: s.projects }, "2026-01-10")).toBe(first);
    expect(sharedSchedule(s, "2026-01-20")).not.toBe(first);
    const working = { scheduling: { days: "working" } } as Engagement;
    const other = sharedSchedule({ engagement: working, projects: s.projects }, "2026-01-10");
    expect(other).not.toBe(first);
    expect(other.days).toBe("working");
  });

  it("throws the same error to every reader of a source that cannot be scheduled", () => {
    const s = source([m("M1", { dependsOn: ["M2"] }), m("M2", { dependsOn: ["M1"] })]);
    let first: unknown;
    try {
      sharedSchedule(s, "2026-01-10");
    } catch (error) {
      first = error;
    }
    expect(first).toBeInstanceOf(NetworkCycleError);
    expect(() => sharedSchedule(s, "2026-01-10")).toThrow(first as Error);
  });
});
