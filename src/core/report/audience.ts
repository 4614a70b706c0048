import { AUDIENCE_SECTIONS, type AudienceSection, type Engagement, type ReportAudience } from "../../model/entities.js";

/** One audience's pack: which sections, which dashboard, which project pages. */
export interface Audience {
  id: string;
  name: string;
  sections: ReadonlySet<AudienceSection>;
  dashboard: "full" | "exceptions" | null;
  projects: "all" | "exceptions";
}

/** An audience's id: its own, else its name in lower case with dashes ("Steering committee" -> steering-committee). */
export function audienceId(audience: ReportAudience): string {
  return (
    audience.id ??
    audience.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
  );
}

/** The audience of `reporting.audiences` with this id, or the ids there are. */
export function findAudience(
  engagement: Engagement | undefined,
  id: string,
): { audience: Audience } | { known: string[] } {
  const audiences = engagement?.reporting?.audiences ?? [];
  const found = audiences.find((a) => audienceId(a) === id);
  if (found === undefined) return { known: audiences.map(audienceId) };
  return {
    audience: {
      id,
      name: found.name,
      sections: new Set(found.sections ?? AUDIENCE_SECTIONS),
      dashboard: found.dashboard ?? null,
      projects: found.projects ?? "all",
    },
  };
}
