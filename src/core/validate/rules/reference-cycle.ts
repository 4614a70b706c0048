import type { Path, PmoDocument } from "../../../model/document.js";
import type { ReportArgs } from "../../messages/index.js";
import { dependsOnRef, list, obj, str } from "./raw.js";
import { defineValidationRule } from "./rule.js";

/** A node of a dependency graph: its key (a project id, `PRJ-1/M2`), its links and the search's mark. */
interface GraphNode {
  key: string;
  edges: readonly Edge[];
  /** 0: not reached yet, 1: on the current path, 2: done. */
  state: 0 | 1 | 2;
}

interface Edge {
  to: GraphNode;
  doc: PmoDocument;
  path: Path;
}

/** A graph's nodes by key, each made once, when it is first named (by its own links or as a target). */
type Graph = Map<string, GraphNode>;

function nodeOf(graph: Graph, key: string): GraphNode {
  let node = graph.get(key);
  if (!node) {
    node = { key, edges: NO_EDGES, state: 0 };
    graph.set(key, node);
  }
  return node;
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
    const portfolios: Graph = new Map();
    const projects: Graph = new Map();
    const milestones: Graph = new Map();
    // A duplicated id is judged once, by its first document (duplicate-id reports the rest).
    const judged = (doc: PmoDocument): doc is PmoDocument & { id: string } =>
      doc.id !== undefined && doc.id !== "" && byId.get(doc.id) === doc;
    for (const doc of ofKind("Portfolio")) {
      if (!judged(doc)) continue;
      const parent = str(doc.value["parent"]);
      if (parent && byId.get(parent)?.kind === "Portfolio")
        nodeOf(portfolios, doc.id).edges = [{ to: nodeOf(portfolios, parent), doc, path: ["parent"] }];
    }
    // Each project's milestones by id, as nodes keyed `PRJ-1/M2`, before any link is read: a
    // link may name a milestone of a project further on, and is then resolved (as
    // resolveMilestone does) without building its key. One node per key: a milestone listed
    // twice is one node, whose last entry's links count.
    const milestonesOf = new Map<string, Map<string, GraphNode>>();
    for (const doc of ofKind("Project")) {
      if (!judged(doc)) continue;
      const own = new Map<string, GraphNode>();
      for (const m of list(doc.value["milestones"])) {
        const id = str(obj(m)?.["id"]);
        if (id !== undefined && !own.has(id)) own.set(id, nodeOf(milestones, `${doc.id}/${id}`));
      }
      milestonesOf.set(doc.id, own);
    }
    for (const doc of ofKind("Project")) {
      if (!judged(doc)) continue;
      const deps: Edge[] = [];
      list(doc.value["dependencies"]).forEach((d, i) => {
        const to = str(obj(d)?.["project"]);
        if (to && byId.get(to)?.kind === "Project")
          deps.push({ to: nodeOf(projects, to), doc, path: ["dependencies", i, "project"] });
      });
      nodeOf(projects, doc.id).edges = deps;
      const own = milestonesOf.get(doc.id)!;
      list(doc.value["milestones"]).forEach((m, i) => {
        const id = str(obj(m)?.["id"]);
        if (id === undefined) return;
        const edges: Edge[] = [];
        list(obj(m)?.["dependsOn"]).forEach((entry, j) => {
          const { ref, path } = dependsOnRef(entry, ["milestones", i, "dependsOn", j]);
          if (ref === undefined) return;
          // resolveMilestone's reading: M2 in this project, PRJ-002/M3 in another one.
          const slash = ref.indexOf("/");
          const target = slash < 0 ? own.get(ref) : milestonesOf.get(ref.slice(0, slash))?.get(ref.slice(slash + 1));
          if (target) edges.push({ to: target, doc, path });
        });
        own.get(id)!.edges = edges;
      });
    }
    reportCycles(portfolios, "portfolioCycle", report);
    reportCycles(projects, "projectCycle", report);
    reportCycles(milestones, "milestoneCycle", report);
  },
});

const NO_EDGES: readonly Edge[] = [];

/**
 * Reports each elementary cycle found by a depth-first search once, starting from its smallest
 * node so that the message is the same whatever the file order. Iterative, so a long chain
 * cannot overflow the stack.
 */
function reportCycles(graph: Graph, messageId: string, report: (args: ReportArgs) => void): void {
  const reported = new Set<string>();
  // A node without links starts no cycle (a search that reaches it finds nothing there either
  // way): only the others are sorted and searched from, most milestones of a large repository.
  const starts: GraphNode[] = [];
  for (const node of graph.values()) if (node.edges.length > 0) starts.push(node);
  starts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const start of starts) {
    if (start.state !== 0) continue;
    const stack: { node: GraphNode; next: number }[] = [{ node: start, next: 0 }];
    const pathEdges: Edge[] = [];
    start.state = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = frame.node.edges;
      if (frame.next >= edges.length) {
        frame.node.state = 2;
        stack.pop();
        pathEdges.pop();
        continue;
      }
      const edge = edges[frame.next++]!;
      const seen = edge.to.state;
      if (seen === 1) {
        const from = stack.findIndex((f) => f.node === edge.to);
        const cycleEdges = [...pathEdges.slice(from), edge];
        const nodes = stack.slice(from).map((f) => f.node.key);
        const smallest = nodes.indexOf([...nodes].sort()[0]!);
        const rotated = [...nodes.slice(smallest), ...nodes.slice(0, smallest)];
        const key = rotated.join(" -> ");
        if (reported.has(key)) continue;
        reported.add(key);
        const blame = cycleEdges[smallest]!;
        report({ doc: blame.doc, path: blame.path, messageId, data: { cycle: [...rotated, rotated[0]].join(" -> ") } });
      } else if (seen === 0) {
        edge.to.state = 1;
        stack.push({ node: edge.to, next: 0 });
        pathEdges.push(edge);
      }
    }
  }
}
