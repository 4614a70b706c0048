import type { Gate, Stage } from "../../model/entities.js";
import { STAGES } from "../../model/entities.js";
import { defineRule } from "./rule.js";

export interface StageGateOptions extends Record<string, unknown> {
  /** Stages a project may only be in after an approved gate into that stage. */
  stages: Stage[];
}

/**
 * A stage gate is the sponsor's or the board's go-ahead to commit the next stage's money and
 * people; a project in a gated stage without an approved gate into it has spent authority it
 * was never given. Only the gate into the current stage is required: projects often join the
 * PMO's register part-way through their life, with earlier gates recorded elsewhere.
 */
export const rule = defineRule<StageGateOptions>({
  meta: {
    id: "stage-gate-approved",
    description: "A project in a gated stage has an approved gate into that stage, and the gate's decision is approved",
    group: "governance",
    severity: "error",
    presets: ["recommended", "operational", "project"],
    optionsSchema: {
      type: "object",
      properties: {
        stages: {
          type: "array",
          items: { enum: [...STAGES] },
          uniqueItems: true,
          description: "Stages a project may only be in after an approved gate into that stage.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { stages: ["planning", "delivery", "closure", "closed"] },
    messages: {
      noGate: "project is in {{stage}}, but no gate into {{stage}} is recorded; add the approved gate to gates",
      notApproved: "project is in {{stage}}, but its gate into {{stage}} on {{date}} is {{outcome}}, not approved",
      noOutcome:
        "project is in {{stage}}, but its gate into {{stage}} on {{date}} records no outcome; set outcome: approved once the gate is passed",
      decisionNotApproved:
        "project is in {{stage}}, but the gate into {{stage}} cites decision {{decision}}, which is {{status}}, not approved",
      decisionElsewhere:
        "the gate into {{stage}} cites decision {{decision}}, which {{why}}; cite the decision that approved this gate",
    },
  },
  check({ catalog, options, report }) {
    const gated = new Set<Stage>(options.stages);
    for (const { doc, value: project } of catalog.projects) {
      const stage = project.stage;
      if (!gated.has(stage)) continue;
      const candidates: { gate: Gate; index: number }[] = [];
      (project.gates ?? []).forEach((gate, index) => {
        if (gate.stage === stage) candidates.push({ gate, index });
      });
      if (candidates.length === 0) {
        report({ doc, path: ["stage"], messageId: "noGate", data: { stage } });
        continue;
      }
      const decisionStatus = (gate: Gate): string | undefined =>
        gate.decision === undefined ? undefined : catalog.decision(gate.decision)?.value.status;
      // A cited decision must be about this gate: a stage gate (when it says what it approves)
      // into this stage, for this project (when it names one).
      const mismatch = (gate: Gate): string | undefined => {
        const decision = gate.decision === undefined ? undefined : catalog.decision(gate.decision)?.value;
        if (!decision) return undefined;
        if (decision.project !== undefined && decision.project !== project.id)
          return `is about project ${decision.project}`;
        const approves = decision.approves;
        if (approves?.type !== undefined && approves.type !== "stage-gate")
          return `approves a ${approves.type}, not a stage gate`;
        if (approves?.stage !== undefined && approves.stage !== gate.stage)
          return `approves the gate into ${approves.stage}`;
        return undefined;
      };
      const passes = ({ gate }: { gate: Gate }): boolean =>
        gate.outcome === "approved" &&
        (gate.decision === undefined || decisionStatus(gate) === undefined || decisionStatus(gate) === "approved");
      const passing = candidates.filter(passes);
      if (passing.length > 0) {
        const wrong = passing.map((c) => ({ ...c, why: mismatch(c.gate) }));
        if (wrong.every((c) => c.why !== undefined)) {
          const { gate, index, why } = wrong[wrong.length - 1]!;
          report({
            doc,
            path: ["gates", index, "decision"],
            messageId: "decisionElsewhere",
            data: { stage, decision: gate.decision ?? "", why: why ?? "" },
          });
        }
        continue;
      }
      // Several gates into one stage (deferred, then presented again): the latest is the one to fix.
      const { gate, index } = candidates.reduce((latest, c) => (c.gate.date >= latest.gate.date ? c : latest));
      if (gate.outcome === undefined)
        report({ doc, path: ["gates", index], messageId: "noOutcome", data: { stage, date: gate.date } });
      else if (gate.outcome !== "approved")
        report({
          doc,
          path: ["gates", index, "outcome"],
          messageId: "notApproved",
          data: { stage, date: gate.date, outcome: gate.outcome },
        });
      else
        report({
          doc,
          path: ["gates", index, "decision"],
          messageId: "decisionNotApproved",
          data: { stage, decision: gate.decision ?? "", status: decisionStatus(gate) ?? "" },
        });
    }
  },
});
