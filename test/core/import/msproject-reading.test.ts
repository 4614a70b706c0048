import { describe, expect, it } from "vitest";
import { decodeXml } from "../../../src/commands/import.js";
import { msProjectToProject, projectIdFrom } from "../../../src/core/import/msproject.js";

const summary = (start: string, finish: string, extra = ""): string => `
    <Task><UID>0</UID><Name>Plan</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary><Milestone>0</Milestone><PercentComplete>0</PercentComplete>
      <Start>${start}</Start><Finish>${finish}</Finish>${extra}</Task>`;
const milestone = (finish: string, extra = ""): string => `
    <Task><UID>1</UID><Name>Handover</Name><OutlineLevel>1</OutlineLevel><Summary>0</Summary><Milestone>1</Milestone><PercentComplete>0</PercentComplete>
      <Start>${finish}</Start><Finish>${finish}</Finish>${extra}</Task>`;
const plan = (tasks: string, title = "Depot"): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project"><Title>${title}</Title><Tasks>${tasks}</Tasks></Project>`;

describe("MSPDI dates that mean no date", () => {
  // Plans written by common MSPDI libraries hold 2000-01-01T00:00:00 for an empty date; read as
  // a date it made a plan at 0% closed, with an actual finish before its start.
  it.each(["2000-01-01T00:00:00", "1899-12-30T00:00:00", "1970-01-01T00:00:00", "2150-01-01T00:00:00"])(
    "%s is no date",
    (sentinel) => {
      const { value } = msProjectToProject(
        plan(
          summary(
            "2026-01-05T08:00:00",
            "2026-08-28T17:00:00",
            `<ActualStart>${sentinel}</ActualStart><ActualFinish>${sentinel}</ActualFinish>`,
          ) + milestone("2026-08-28T17:00:00", `<ActualFinish>${sentinel}</ActualFinish>`),
        ),
        { fileStem: "depot" },
      );
      expect(value["stage"]).toBe("planning");
      expect(value["schedule"]).toEqual({ forecastStart: "2026-01-05", forecastFinish: "2026-08-28" });
      expect((value["milestones"] as { actual?: string }[])[0]).not.toHaveProperty("actual");
    },
  );

  it("keeps a real date on 2000-01-01 that has a time of day", () => {
    const { value } = msProjectToProject(plan(summary("2000-01-01T08:00:00", "2000-03-01T17:00:00")), {
      fileStem: "y2k",
    });
    expect(value["schedule"]).toEqual({ forecastStart: "2000-01-01", forecastFinish: "2000-03-01" });
  });
});

describe("MSPDI ids and encodings", () => {
  it("derives ids of at most 64 characters, starting with a letter, cut between words", () => {
    const long = "Regional depot consolidation and fleet electrification programme phase two north west";
    const id = projectIdFrom(long);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toBe("Regional-depot-consolidation-and-fleet-electrification-programme");
    expect(projectIdFrom("2027 rollout")).toBe("P-2027-rollout");
    expect(
      msProjectToProject(plan(summary("2026-01-05T08:00:00", "2026-08-28T17:00:00"), long), { fileStem: "x" }).value[
        "id"
      ],
    ).toBe(id);
  });

  it("reads UTF-16 (with or without a byte order mark, either byte order), UTF-8 and Windows-1252", () => {
    const xml = plan(summary("2026-01-05T08:00:00", "2026-08-28T17:00:00"), "Dépôt £");
    const le = Buffer.from(xml, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      le,
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      be,
      Buffer.from(xml, "utf8"),
      Buffer.from(`\ufeff${xml}`, "utf8"),
    ]) {
      expect(decodeXml(bytes)).toBe(xml);
    }
    expect(decodeXml(Buffer.from([0x3c, 0x61, 0x3e, 0xa3, 0x3c, 0x2f, 0x61, 0x3e]))).toBe("<a>£</a>");
  });
});
