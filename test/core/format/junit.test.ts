import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { FORMATTERS } from "../../../src/core/format/index.js";
import { checkContext, DIAGNOSTICS, HOSTILE } from "./fixtures.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const format = FORMATTERS["junit"]!;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseAttributeValue: false, htmlEntities: true, isArray: (name) => ["testsuite", "testcase"].includes(name) });

function parse(xml: string): any {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  return parser.parse(xml);
}

describe("junit formatter", () => {
  it("matches the golden file", async () => {
    await expect(format(DIAGNOSTICS, checkContext())).toMatchFileSnapshot(path.join(here, "__snapshots__/check.junit.xml"));
  });

  it("is well-formed XML whose counts add up", () => {
    const doc = parse(format(DIAGNOSTICS, checkContext()));
    const suites: any[] = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(["projects/alpha.yaml", "projects/beta dir/beta.yaml", "projects/gamma.yaml"]);
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
    expect(testcase.file).toBe("odd/we,ird:name%.yaml");
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
