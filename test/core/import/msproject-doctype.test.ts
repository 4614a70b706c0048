import { describe, expect, it } from "vitest";
import { MsProjectError, msProjectToProject } from "../../../src/core/import/index.js";

describe("MSPDI with a document type declaration", () => {
  it.each([
    ["an internal entity", '<!DOCTYPE Project [<!ENTITY x "y">]>'],
    ["an external entity", '<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'],
    ["a parameter entity", '<!DOCTYPE Project [<!ENTITY % x "y">]>'],
    ["nested entities", '<!DOCTYPE Project [<!ENTITY a "aa"><!ENTITY b "&a;&a;&a;">]>'],
  ])("is refused as a diagnostic with the declaration's position: %s", (_name, doctype) => {
    const xml = `<?xml version="1.0"?>\n${doctype}\n<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>\n`;
    let error: unknown;
    try {
      msProjectToProject(xml, { fileStem: "plan" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MsProjectError);
    expect([(error as MsProjectError).line, (error as MsProjectError).column]).toEqual([2, 1]);
    expect((error as Error).message).toMatch(/^the file has a document type declaration/);
  });
});
