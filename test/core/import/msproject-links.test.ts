import { describe, expect, it } from "vitest";
import { msProjectToProject } from "../../../src/core/import/msproject.js";

const task = (uid: number, name: string, milestone: boolean, finish: string, links = ""): string => `
    <Task><UID>${uid}</UID><Name>${name}</Name><OutlineLevel>1</OutlineLevel><Summary>0</Summary><Milestone>${milestone ? 1 : 0}</Milestone>
      <Start>${finish}T08:00:00</Start><Finish>${finish}T17:00:00</Finish>${links}</Task>`;
const link = (uid: number, type: number, lag?: number, format?: number): string =>
  `<PredecessorLink><PredecessorUID>${uid}</PredecessorUID><Type>${type}</Type>${lag === undefined ? "" : `<LinkLag>${lag}</LinkLag>`}${format === undefined ? "" : `<LagFormat>${format}</LagFormat>`}</PredecessorLink>`;

const plan = (tasks: string, minutesPerDay = ""): string => `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Title>Links</Title>${minutesPerDay}<Tasks>${tasks}
</Tasks></Project>`;

describe("MSPDI link types and lags", () => {
  it("keeps the type and lag of a direct link between milestones", () => {
    // MSPDI: Type 0 FF, 1 FS, 2 SF, 3 SS; LinkLag in tenths of a minute; LagFormat 7 days, 8 elapsed days.
    const { value } = msProjectToProject(
      plan(
        task(1, "A", true, "2026-03-02") +
          task(2, "B", true, "2026-03-04", link(1, 3, 9600, 7)) +
          task(3, "C", true, "2026-03-06", link(1, 0, 43200, 8)) +
          task(4, "D", true, "2026-03-06", link(1, 1, -4800, 7)) +
          task(5, "E", true, "2026-03-09", link(1, 1)) +
          task(6, "F", true, "2026-03-09", link(1, 2, 2400, 7)),
      ),
      { fileStem: "links" },
    );
    const dependsOn = Object.fromEntries(
      (value["milestones"] as { id: string; dependsOn?: unknown }[]).map((m) => [m.id, m.dependsOn]),
    );
    expect(dependsOn).toEqual({
      M1: undefined,
      M2: [{ milestone: "M1", type: "start-to-start", lag: 2 }],
      M3: [{ milestone: "M1", type: "finish-to-finish", lag: 3 }],
      M4: [{ milestone: "M1", lag: -1 }],
      M5: ["M1"],
      M6: [{ milestone: "M1", type: "start-to-finish", lag: 0.5 }],
    });
  });

  it("counts working-day lags in the plan's MinutesPerDay, and says when a percentage lag is dropped", () => {
    const result = msProjectToProject(
      plan(
        task(1, "A", true, "2026-03-02") +
          task(2, "B", true, "2026-03-04", link(1, 1, 8400, 7)) +
          task(3, "C", true, "2026-03-05", link(1, 1, 500, 19)),
        "<MinutesPerDay>420</MinutesPerDay>",
      ),
      { fileStem: "links" },
    );
    const milestones = result.value["milestones"] as { dependsOn?: unknown }[];
    expect(milestones[1]!.dependsOn).toEqual([{ milestone: "M1", lag: 2 }]);
    expect(milestones[2]!.dependsOn).toEqual(["M1"]);
    expect(result.notes).toContain(
      "1 link has a lag given as a percentage of the predecessor's duration, which cannot be written in days: imported without their lag",
    );
  });

  it("a dependency followed through ordinary tasks stays a plain reference", () => {
    const { value } = msProjectToProject(
      plan(
        task(1, "A", true, "2026-03-02") +
          task(2, "work", false, "2026-03-20", link(1, 3, 4800, 7)) +
          task(3, "B", true, "2026-03-20", link(2, 1)),
      ),
      { fileStem: "links" },
    );
    expect((value["milestones"] as { dependsOn?: unknown }[])[1]!.dependsOn).toEqual(["M1"]);
  });
});
