import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadWorkspace } from "../../../src/core/load/index.js";
import { makeRepo, removeRepo } from "../../helpers/repo.js";

const dirs: string[] = [];
function repo(files: Record<string, string | Buffer>): string {
  const dir = makeRepo(files);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  while (dirs.length) removeRepo(dirs.pop()!);
});

const PROJECT = "apiVersion: pmo/v1\nkind: Project\nid: PRJ-1\nname: One\nstage: delivery\n";

describe("loadWorkspace", () => {
  it("finds documents by content in any layout, several per file, in a stable order", async () => {
    const root = repo({
      "b/deep/x.yml": PROJECT,
      "a.yaml":
        "apiVersion: pmo/v1\nkind: Person\nid: p1\nname: A\n---\napiVersion: pmo/v1\nkind: Person\nid: p2\nname: B\n",
      "not-pmo.yaml": "services:\n  web:\n    image: nginx\n",
      "readme.md": "apiVersion: pmo/v1\n",
    });
    const ws = await loadWorkspace(root);
    expect(ws.documents.map((d) => `${d.file}#${d.docIndex}:${d.id}`)).toEqual([
      "a.yaml#0:p1",
      "a.yaml#1:p2",
      "b/deep/x.yml#0:PRJ-1",
    ]);
    expect(ws.diagnostics).toEqual([]);
  });

  it("skips dot-folders, node_modules, .pmoignore and config patterns", async () => {
    const root = repo({
      ".git/x.yaml": PROJECT,
      ".github/workflows/ci.yml": "on: push\n\tbad",
      "node_modules/pkg/x.yaml": PROJECT,
      "drafts/x.yaml": PROJECT,
      "archive/old.yaml": PROJECT,
      ".pmoignore": "drafts/\n",
      "keep.yaml": PROJECT.replace("PRJ-1", "PRJ-2"),
    });
    const ws = await loadWorkspace(root, { ignore: ["archive/**"] });
    expect(ws.documents.map((d) => d.file)).toEqual(["keep.yaml"]);
  });

  it("reports YAML syntax errors with exact 1-based positions", async () => {
    const root = repo({
      "tab.yaml": "apiVersion: pmo/v1\nkind: Project\nid: P\nstatus:\n\toverall: red\n",
      "dup.yaml": "apiVersion: pmo/v1\nkind: Project\nid: P2\nname: A\nname: B\n",
      "quote.yaml": 'apiVersion: pmo/v1\nkind: Risk\nid: R\ntitle: "never closed\n',
    });
    const ws = await loadWorkspace(root);
    const found = ws.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
    expect(found).toContain("tab.yaml:5:1 yaml-syntax a tab is used for indentation; YAML allows only spaces there");
    expect(found).toContain(`dup.yaml:5:1 yaml-syntax the field "name" appears twice in this mapping`);
    expect(found).toContain("quote.yaml:4:8 yaml-syntax this quoted string is never closed");
    expect(ws.documents).toEqual([]);
  });

  it("locates paths, falling back to the nearest existing ancestor", async () => {
    const root = repo({
      "p.yaml":
        "# modeline\napiVersion: pmo/v1\nkind: Project\nid: P\nmilestones:\n  - id: M1\n    name: Kick-off\n  - id: M2\n",
    });
    const [doc] = (await loadWorkspace(root)).documents;
    expect(doc!.locate(["milestones", 1, "id"])).toMatchObject({ line: 8, column: 9 });
    expect(doc!.locate(["milestones", 0, "name"], { key: true })).toMatchObject({ line: 7, column: 5 });
    expect(doc!.locate(["milestones", 1, "baseline"])).toMatchObject({ line: 8, column: 5 });
    expect(doc!.locate([])).toMatchObject({ line: 2, column: 1 });
  });

  it("refuses binary, oversized and non-UTF-8 files with a clear diagnostic", async () => {
    const root = repo({
      "bin.yaml": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
      "latin1.yaml": Buffer.from("apiVersion: pmo/v1\nkind: Person\nid: x\nname: Ren\xe9e\n", "latin1"),
    });
    writeFileSync(path.join(root, "huge.yaml"), Buffer.alloc(50 * 1024 * 1024, 0x20));
    const ws = await loadWorkspace(root);
    const byFile = Object.fromEntries(ws.diagnostics.map((d) => [d.file, d.message]));
    expect(byFile["bin.yaml"]).toMatch(/binary/);
    expect(byFile["huge.yaml"]).toMatch(/50\.0 MB, over the 10 MB limit/);
    expect(byFile["latin1.yaml"]).toBe(
      "file is not valid UTF-8 text: the byte 0xE9 starts a UTF-8 character that the next byte does not continue",
    );
    // At the bad byte, not at the top of the file: line 4, after "name: Ren" (column 10).
    expect(ws.diagnostics.find((d) => d.file === "latin1.yaml")).toMatchObject({ line: 4, column: 10 });
  });

  it("places invalid UTF-8 after CRLF line breaks, a byte order mark and UTF-8 characters", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("apiVersion: pmo/v1\r\nkind: Person\r\nid: x\r\nname: Zoë ", "utf8"),
      Buffer.from([0x80]),
      Buffer.from("\r\n"),
    ]);
    const ws = await loadWorkspace(repo({ "people/x.yaml": bytes }));
    const [problem] = ws.diagnostics;
    expect(problem).toMatchObject({ ruleId: "unreadable-file", file: "people/x.yaml", line: 4, column: 11 });
    expect(problem!.message).toBe("file is not valid UTF-8 text: the byte 0x80 continues no UTF-8 character");
  });

  it("reads each file whole, small files after large ones included (one read buffer per thread)", async () => {
    const person = (id: string, extra = ""): string =>
      `apiVersion: pmo/v1\nkind: Person\nid: ${id}\nname: N ${id}\n${extra}`;
    const root = repo({
      "a.yaml": person("a"),
      "b-large.yaml": person("b", `notes:\n${"  - a note of some length\n".repeat(80_000)}`),
      "c.yaml": person("c", "email: c@example.org\n"),
      "d-medium.yaml": person("d", `notes:\n${"  - n\n".repeat(20_000)}`),
      "e.yaml": person("e"),
    });
    const ws = await loadWorkspace(root, { workers: 0 });
    expect(ws.diagnostics).toEqual([]);
    expect(
      ws.documents.map((d) => [d.id, d.value["name"], (d.value["notes"] as unknown[] | undefined)?.length]),
    ).toEqual([
      ["a", "N a", undefined],
      ["b", "N b", 80_000],
      ["c", "N c", undefined],
      ["d", "N d", 20_000],
      ["e", "N e", undefined],
    ]);
    expect(ws.documents[2]!.value["email"]).toBe("c@example.org");
    expect(ws.sources.get("e.yaml")).toBe(person("e"));
  });

  it("survives alias bombs, deep nesting, __proto__ keys and symlink loops", async () => {
    const bomb = ["apiVersion: pmo/v1", "kind: Project", "id: BOMB", "a: &a [x,x,x,x,x,x,x,x,x,x]"];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill("*" + String.fromCharCode(96 + i))
          .join(",")}]`,
      );
    const root = repo({
      "bomb.yaml": bomb.join("\n") + "\n",
      "deep.yaml": "apiVersion: pmo/v1\nkind: Project\nid: DEEP\nx: " + "[".repeat(20000) + "]".repeat(20000) + "\n",
      "proto.yaml": "apiVersion: pmo/v1\nkind: Project\nid: PROTO\n__proto__:\n  polluted: yes\n",
    });
    symlinkSync("loop.yaml", path.join(root, "loop.yaml"));
    symlinkSync(".", path.join(root, "self"));
    const ws = await loadWorkspace(root);
    const messages = ws.diagnostics.map((d) => `${d.file}: ${d.message}`);
    expect(messages).toContain("bomb.yaml: aliases expand to too many values (an alias bomb)");
    expect(messages.some((m) => m.startsWith("loop.yaml: symbolic link loop"))).toBe(true);
    const proto = ws.documents.find((d) => d.id === "PROTO")!;
    expect(Object.getPrototypeOf(proto.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.keys(proto.value)).toContain("__proto__");
  });
});
