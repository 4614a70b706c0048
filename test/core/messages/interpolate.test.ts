import { describe, expect, it } from "vitest";
import { interpolate } from "../../../src/core/messages/index.js";

describe("interpolate", () => {
  it.each([
    ["no placeholders", "plain text", {}, "plain text"],
    ["one", "milestone {{milestone}} slipped", { milestone: "M1" }, "milestone M1 slipped"],
    ["spaces inside the braces", "{{ a }}-{{b }}", { a: 1, b: "x" }, "1-x"],
    ["adjacent and repeated", "{{a}}{{b}}{{a}}", { a: "x", b: "y" }, "xyx"],
    ["at both ends", "{{a}} and {{b}}", { a: "first", b: "last" }, "first and last"],
    ["a number and an empty string", "[{{n}}|{{e}}]", { n: 0.5, e: "" }, "[0.5|]"],
    ["unknown placeholders stay visible", "{{known}} {{ unknown }}", { known: "k" }, "k {{ unknown }}"],
    ["not a placeholder", "{single} {{two words}} {{}}", { single: "s" }, "{single} {{two words}} {{}}"],
    ["a value that looks like a placeholder is not filled again", "{{a}}", { a: "{{b}}", b: "no" }, "{{b}}"],
    ["a dollar sign in a value is kept as written", "cost {{c}}", { c: "$& $1" }, "cost $& $1"],
  ])("%s", (_name, template, data, expected) => {
    expect(interpolate(template, data)).toBe(expected);
    // A second fill of the same template (from the remembered split) gives the same text.
    expect(interpolate(template, data)).toBe(expected);
  });

  it("leaves every placeholder visible without data", () => {
    expect(interpolate("{{a}} {{b}}")).toBe("{{a}} {{b}}");
  });
});
