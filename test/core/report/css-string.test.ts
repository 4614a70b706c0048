import { describe, expect, it } from "vitest";
import { createRenderer } from "../../../src/core/report/index.js";

/** The print stylesheet's running header quotes the engagement's name inside <style>. */
const render = (value: unknown): string =>
  createRenderer(
    {
      pages: new Map([["page", { name: "page", file: "page.hbs", source: "content: {{cssString value}};" }]]),
      partials: new Map(),
    },
    "html",
  ).render("page", { value });

describe("cssString", () => {
  it.each([
    ["Meridian Water", `content: "Meridian Water";`],
    [`Smith & "Sons"`, `content: "Smith \\26  \\22 Sons\\22 ";`],
    ["a</style><script>", `content: "a\\3c /style\\3e \\3c script\\3e ";`],
    ["back\\slash\nline", `content: "back\\5c slash\\a line";`],
    [null, `content: "";`],
  ])("%j", (value, expected) => {
    expect(render(value)).toBe(expected);
  });
});
