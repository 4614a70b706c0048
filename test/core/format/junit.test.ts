import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { FORMATTERS } from "../../../src/core/format/index.js";
import { runCli } from "../../helpers/cli.js";
import { checkContext, DIAGNOSTICS, HOSTILE } from "./fixtures.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, "../../..");
const format = FORMATTERS["junit"]!;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ["testsuite", "testcase"].includes(name),
});

function parse(xml: string): any {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  return parser.parse(xml);
}

describe("junit formatter", () => {
  it("matches the golden file", async () => {
    await expect(format(DIAGNOSTICS, checkContext())).toMatchFileSnapshot(
      path.join(here, "__snapshots__/check.junit.xml"),
    );
  });

  it("is well-formed XML whose counts add up", () => {
    const doc = parse(format(DIAGNOSTICS, checkContext()));
    const suites: any[] = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual([
      "projects/alpha.yaml",
      "projects/beta dir/beta.yaml",
      "projects/gamma.yaml",
    ]);
    let tests = 0;
    let failures = 0;
    for (const s of suites) {
      const cases: any[] = s.testcase;
      expect(Number(s.tests)).toBe(cases.length);
      expect(Number(s.failures)).toBe(cases.filter((c) => c.failure).length);
      expect(Number(s.skipped)).toBe(cases.filter((c) => c.skipped !== undefined).length);
      expect(Number(s.errors)).toBe(0);
      tests += cases.length;
      failures += Number(s.failures);
    }
    expect(Number(doc.testsuites.tests)).toBe(tests);
    expect(Number(doc.testsuites.failures)).toBe(failures);
    // 2 errors + 1 warning fail; the info passes; 2 waived are skipped.
    expect([tests, failures]).toEqual([6, 3]);
  });

  it("escapes markup and quotes and drops characters XML cannot hold", () => {
    const xml = format([HOSTILE], checkContext({ waived: [] }));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test asserts these control characters are gone
    expect(xml).not.toMatch(/[\u0000\u0007]/);
    expect(xml).not.toContain("<script>");
    const testcase = parse(xml).testsuites.testsuite[0].testcase[0];
    expect(testcase.failure.message).toBe("name <script>&\"' | 50%: a,b;c\r\nnext line `code` *bold* ]]>");
    expect(testcase.failure["#text"]).toContain("<script>&\"'");
    expect(testcase.classname).toBe("odd/we,ird:name%");
  });

  it("keeps line breaks in attributes as character references", () => {
    const xml = format([HOSTILE], checkContext({ waived: [] }));
    expect(xml).toContain('message="name &lt;script&gt;&amp;&quot;&apos; | 50%: a,b;c&#13;&#10;next line');
  });

  it("stays non-empty when nothing is found", () => {
    const doc = parse(format([], checkContext({ waived: [] })));
    expect(doc.testsuites.tests).toBe("1");
    expect(doc.testsuites.testsuite[0].testcase).toHaveLength(1);
  });
});

describe("junit formatter against its readers", () => {
  const xsd = readFileSync(path.join(here, "../../fixtures/junit/jenkins-junit.xsd"), "utf8");
  const validateJunit = async (xml: string) =>
    (
      await validateXML({
        xml: { fileName: "report.xml", contents: xml },
        schema: { fileName: "junit.xsd", contents: xsd },
      })
    ).errors.map((e) => e.message);

  it("is valid against the Jenkins/Ant JUnit schema, and the schema catches what it should", async () => {
    expect(await validateJunit(format(DIAGNOSTICS, checkContext()))).toEqual([]);
    expect(await validateJunit(format([], checkContext()))).toEqual([]);
    const withFile = format(DIAGNOSTICS, checkContext()).replace('<testcase name="', '<testcase file="x.yaml" name="');
    expect((await validateJunit(withFile)).join("\n")).toContain("file");
  });

  it("names every finding of examples/broken uniquely, so that no reader merges two", async () => {
    const result = await runCli(["check", "examples/broken", "--as-of", "2026-11-30", "--format", "junit"], {
      cwd: projectRoot,
    });
    expect(await validateJunit(result.stdout)).toEqual([]);
    const json = JSON.parse(
      (await runCli(["check", "examples/broken", "--as-of", "2026-11-30", "--format", "json"], { cwd: projectRoot }))
        .stdout,
    ) as { diagnostics?: unknown[] } | unknown[];
    const findings = Array.isArray(json) ? json.length : (json.diagnostics?.length ?? Number.NaN);
    const suites: any[] = parse(result.stdout).testsuites.testsuite;
    const cases = suites.flatMap((s) => (s.testcase as any[]).map((c) => `${c.classname}\u0000${c.name}`));
    expect(cases.length).toBe(findings);
    expect(new Set(cases).size).toBe(cases.length);
  });
});
