import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The bundled example in the editor pmo's scaffold sets up: yaml-language-server (the server of
 * VS Code's YAML extension, redhat.vscode-yaml) driven over the Language Server Protocol as an
 * editor drives it. It applies a `# yaml-language-server: $schema=...` modeline to the document
 * it is in, so every document of a multi-document file needs its own.
 */
const projectRoot = path.resolve(import.meta.dirname, "..");
const EXAMPLE = path.join(projectRoot, "examples/meridian-water");
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/m;
// Starting the server and validating ~50 files: seconds, more on a busy machine.
const TIMEOUT = 180_000;

interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  message: string;
}

let server: ChildProcess;
let connection: MessageConnection;
const waiting = new Map<string, (diagnostics: LspDiagnostic[]) => void>();
let version = 0;

/** Opens a document as an editor would and resolves to the diagnostics the server publishes for it. */
function diagnose(file: string, text = readFileSync(file, "utf8")): Promise<LspDiagnostic[]> {
  const uri = pathToFileURL(file).href;
  const published = new Promise<LspDiagnostic[]>((resolve) => waiting.set(uri, resolve));
  connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "yaml", version: ++version, text },
  });
  return published.finally(() => connection.sendNotification("textDocument/didClose", { textDocument: { uri } }));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".yaml"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

beforeAll(async () => {
  const bin = createRequire(import.meta.url).resolve("yaml-language-server/bin/yaml-language-server");
  server = spawn(process.execPath, [bin, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
  connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  connection.onNotification(
    "textDocument/publishDiagnostics",
    (params: { uri: string; diagnostics: LspDiagnostic[] }) => {
      waiting.get(params.uri)?.(params.diagnostics);
      waiting.delete(params.uri);
    },
  );
  // Offline and on its own: no SchemaStore catalogue, only the documents' modelines.
  const settings = {
    yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, yamlVersion: "1.2" },
  };
  connection.onRequest("workspace/configuration", (params: { items: unknown[] }) =>
    params.items.map(() => settings.yaml),
  );
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(projectRoot).href,
    capabilities: { workspace: { configuration: true } },
  });
  connection.sendNotification("initialized", {});
  connection.sendNotification("workspace/didChangeConfiguration", { settings });
}, TIMEOUT);

afterAll(() => {
  connection?.dispose();
  server?.kill();
});

describe("the example in yaml-language-server", { timeout: TIMEOUT }, () => {
  it("every document of every file carries its own modeline, naming the schema of its kind", () => {
    let documents = 0;
    for (const file of yamlFiles(path.join(projectRoot, "examples"))) {
      for (const chunk of readFileSync(file, "utf8").split(/^---[ \t]*$/m)) {
        const kind = /^apiVersion: pmo\/v1$/m.test(chunk) ? /^kind: *(\w+)/m.exec(chunk)?.[1] : undefined;
        const schema = path.join(projectRoot, "schemas", `${kind?.toLowerCase()}.schema.json`);
        if (kind === undefined || !existsSync(schema)) continue; // examples/broken misspells some kinds
        documents++;
        const expected = path.relative(path.dirname(file), schema).split(path.sep).join("/");
        expect(
          MODELINE.exec(chunk)?.[1],
          `${path.relative(projectRoot, file)}: a ${kind} document without its modeline`,
        ).toBe(expected);
      }
    }
    expect(documents).toBeGreaterThan(100);
  });

  it("gives no diagnostic on any file of examples/meridian-water", async () => {
    const files = yamlFiles(EXAMPLE).filter((f) => MODELINE.test(readFileSync(f, "utf8")));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect(await diagnose(file), path.relative(projectRoot, file)).toEqual([]);
  });

  it("checks every document of a multi-document file: a broken copy gets a diagnostic in each", async () => {
    const file = path.join(EXAMPLE, "people/people.yaml");
    const text = readFileSync(file, "utf8");
    const documents = text.split(/^---$/m).length;
    expect(documents).toBeGreaterThan(10);
    // An unknown field in every document, and a malformed id in the last one.
    const broken = text
      .replace(/^organisation: /gm, "organization: ")
      .replace(/^id: ([a-z.]+)(?![\s\S]*^id: )/m, "id: 9$1");
    const diagnostics = await diagnose(path.join(EXAMPLE, "people/people-broken.yaml"), broken);
    const lines = broken.split("\n");
    const unknown = diagnostics.filter((d) => lines[d.range.start.line]!.startsWith("organization:"));
    expect(unknown).toHaveLength(documents);
    expect(unknown.every((d) => d.message.includes("organization"))).toBe(true);
    const badId = diagnostics.filter((d) => lines[d.range.start.line]!.startsWith("id: 9"));
    expect(badId.map((d) => d.message)).toEqual([expect.stringContaining("An id starts with a letter")]);
  });

  it("shows the schemas' own messages, saying how to fix the common mistakes", async () => {
    const file = path.join(EXAMPLE, "projects/network/PRJ-007.yaml");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/currency: GBP/);
    // A currency in lower case, a status in capitals, a milestone named by a path.
    const broken = text.replace("currency: GBP", "currency: gbp").replace(/overall: ([a-z-]+)/, "overall: Amber");
    const messages = (await diagnose(path.join(EXAMPLE, "projects/network/PRJ-007-broken.yaml"), broken)).map(
      (d) => d.message,
    );
    expect(messages).toContain("A currency is a three-letter ISO 4217 code in capitals, e.g. GBP, EUR or USD");
    expect(messages).toContain(
      "A status is written in lower case with hyphens (green, amber-red) and must be on the engagement's status scale (statusScale)",
    );
    expect(messages.some((m) => /does not match the pattern/.test(m))).toBe(false);
  });
});
