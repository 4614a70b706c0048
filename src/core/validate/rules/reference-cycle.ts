import type { Path, PmoDocument } from "../../../model/document.js";
import type { ReportArgs } from "../../messages/index.js";
import { dependsOnRef, list, obj, resolveMilestone, str } from "./raw.js";
import { defineValidationRule } from "./rule.js";

interface Edge {
  to: string;
  doc: PmoDocument;
  path: Path;
}

/**
 * A project that depends on itself through others can never start; a portfolio that is its own
 * ancestor has no top. Each cycle is spelled out once.
 */
export const rule = defineValidationRule({
  meta: {
    id: "reference-cycle",
    description: "Project dependencies, milestone dependencies and portfolio parents have no cycle",
    layer: "integrity",
    finds: "project dependencies, milestone dependencies or portfolio parents that loop; the cycle is spelled out",
    fix: "remove one link",
    messages: {
      portfolioCycle: "portfolio parents form a cycle: {{cycle}}",
      projectCycle: "project dependencies form a cycle: {{cycle}}",
      milestoneCycle: "milestone dependencies form a cycle: {{cycle}}",
    },
    hints: {
      portfolioCycle: "remove one of the links in the cycle",
      projectCycle: "remove one of the links in the cycle",
      milestoneCycle: "remove one of the links in the cycle",
    },
  },
  check({ ofKind, byId, report }) {
    const portfolioEdges = new Map<string, Edge[]>();
    const projectEdges = new Map<string, Edge[]>();
    const milestoneEdges = new Map<string, Edge[]>();
    // A duplicated id is judged once, by its first document (duplicate-id reports the rest).
    for (const doc of ofKind("Portfolio")) {
      if (!doc.id || byId.get(doc.id) !== doc) continue;
      const parent = str(doc.value["parent"]);
      if (parent && byId.get(parent)?.kind === "Portfolio")
        portfolioEdges.set(doc.id, [{ to: parent, doc, path: ["parent"] }]);
    }
    for (const doc of ofKind("Project")) {
      if (!doc.id || byId.get(doc.id) !== doc) continue;
      const deps: Edge[] = [];
      list(doc.value["dependencies"]).forEach((d, i) => {
        const to = str(obj(d)?.["project"]);
        if (to && byId.get(to)?.kind === "Project") deps.push({ to, doc, path: ["dependencies", i, "project"] });
      });
      projectEdges.set(doc.id, deps);
      list(doc.value["milestones"]).forEach((m, i) => {
        const id = str(obj(m)?.["id"]);
        if (id === undefined) return;
        const edges: Edge[] = [];
        list(obj(m)?.["dependsOn"]).forEach((entry, j) => {
          const { ref, path } = dependsOnRef(entry, ["milestones", i, "dependsOn", j]);
          if (ref === undefined) return;
          const target = resolveMilestone(doc, ref, byId);
          if (target.ok) edges.push({ to: target.key, doc, path });
        });
        milestoneEdges.set(`${doc.id}/${id}`, edges);
      });
    }
    reportCycles(portfolioEdges, "portfolioCycle", report);
    reportCycles(projectEdges, "projectCycle", report);
    reportCycles(milestoneEdges, "milestoneCycle", report);
  },
});

const NO_EDGES: readonly Edge[] = [];

/**
 * Reports each elementary cycle found by a depth-first search once, starting from its smallest
 * node so that the message is the same whatever the file order. Iterative, so a long chain
 * cannot overflow the stack.
 */
function reportCycles(graph: Map<string, Edge[]>, messageId: string, report: (args: ReportArgs) => void): void {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const reported = new Set<string>();
  // A node without links starts no cycle (a search that reaches it finds nothing there either
  // way): only the others are sorted and searched from, most milestones of a large repository.
  const starts: string[] = [];
  for (const [node, edges] of graph) if (edges.length > 0) starts.push(node);
  for (const start of starts.sort()) {
    if (state.has(start)) continue;
    const stack: { node: string; edges: readonly Edge[]; next: number }[] = [
      { node: start, edges: graph.get(start)!, next: 0 },
    ];
    const pathEdges: Edge[] = [];
    state.set(start, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = frame.edges;
      if (frame.next >= edges.length) {
        state.set(frame.node, 2);
        stack.pop();
        pathEdges.pop();
        continue;
      }
      const edge = edges[frame.next++]!;
      const seen = state.get(edge.to);
      if (seen === 1) {
        const from = stack.findIndex((f) => f.node === edge.to);
        const cycleEdges = [...pathEdges.slice(from), edge];
        const nodes = stack.slice(from).map((f) => f.node);
        const smallest = nodes.indexOf([...nodes].sort()[0]!);
        const rotated = [...nodes.slice(smallest), ...nodes.slice(0, smallest)];
        const key = rotated.join(" -> ");
        if (reported.has(key)) continue;
        reported.add(key);
        const blame = cycleEdges[smallest]!;
        report({ doc: blame.doc, path: blame.path, messageId, data: { cycle: [...rotated, rotated[0]].join(" -> ") } });
      } else if (seen === undefined) {
        state.set(edge.to, 1);
        stack.push({ node: edge.to, edges: graph.get(edge.to) ?? NO_EDGES, next: 0 });
        pathEdges.push(edge);
      }
    }
  }
}
