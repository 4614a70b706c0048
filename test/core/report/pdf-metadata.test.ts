import { describe, expect, it } from "vitest";
import { fixPdfMetadata, pdfString } from "../../../src/core/report/index.js";

/** A minimal PDF shaped as Chromium (Skia) writes it: Info first, a classic xref table, a trailer. */
function chromiumLikePdf(created: string): string {
  const objects = [
    `1 0 obj\n<</Creator (Mozilla/5.0 HeadlessChrome/156.0.0.0)\n/Producer (Skia/PDF m156)\n/CreationDate (D:${created}+00'00')\n/ModDate (D:${created}+00'00')>>\nendobj\n`,
    "2 0 obj\n<</Type /Catalog\n/Pages 3 0 R>>\nendobj\n",
    "3 0 obj\n<</Type /Pages\n/Count 0\n/Kids []>>\nendobj\n",
  ];
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(text.length);
    text += o;
  }
  const xref = text.length;
  text += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  text += `trailer\n<</Size 4\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return text;
}

const meta = {
  title: "Meridian (board) pack",
  author: "Keystone PMO Partners",
  subject: null,
  creator: "pmo 0.1.0",
  date: "2026-11-30",
};

describe("fixPdfMetadata", () => {
  it("gives the same bytes whenever Chromium printed the file", () => {
    const a = Buffer.from(fixPdfMetadata(Buffer.from(chromiumLikePdf("20261202032929")), meta)).toString("latin1");
    const b = Buffer.from(fixPdfMetadata(Buffer.from(chromiumLikePdf("20270101235959")), meta)).toString("latin1");
    expect(a).toBe(b);
    expect(a).not.toContain("20261202");
  });

  it("rewrites the dates in place, so every offset of the original file stays right", () => {
    const original = chromiumLikePdf("20261202032929");
    const fixed = Buffer.from(fixPdfMetadata(Buffer.from(original), meta)).toString("latin1");
    const head = fixed.slice(0, original.length);
    expect(head.length).toBe(original.length);
    expect(head).toContain("/CreationDate (D:20261130000000+00'00')");
    expect(head).toContain("/ModDate (D:20261130000000+00'00')");
    expect(head.replace(/D:\d{14}/g, "D:x")).toBe(original.replace(/D:\d{14}/g, "D:x"));
  });

  it("appends an incremental update whose information dictionary names the report, at the offsets its xref says", () => {
    const original = chromiumLikePdf("20261202032929");
    const fixed = Buffer.from(fixPdfMetadata(Buffer.from(original), meta)).toString("latin1");
    const update = fixed.slice(original.length);
    const objectAt = Number(/^4 1\n(\d{10}) 00000 n $/m.exec(update)?.[1]);
    expect(
      fixed
        .slice(objectAt)
        .startsWith(
          "4 0 obj\n<</Title (Meridian \\(board\\) pack)\n/Author (Keystone PMO Partners)\n/Creator (pmo 0.1.0)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261130000000+00'00')\n/ModDate (D:20261130000000+00'00')>>",
        ),
    ).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(update)?.[1]);
    expect(fixed.slice(xrefAt).startsWith("xref\n0 1\n")).toBe(true);
    expect(update).toContain(`/Prev ${/startxref\n(\d+)/.exec(original)?.[1]}>>`);
    expect(update).toContain("/Root 2 0 R\n/Info 4 0 R");
    expect(update).toContain("/Size 5\n");
  });

  it("numbers the structure elements' ids (Chromium's DOM node ids) in order, keeping their length and references", () => {
    const tagged = (a: string, b: string): string =>
      chromiumLikePdf("20261202032929").replace(
        "%PDF-1.4\n",
        `%PDF-1.4\n%<</S /TH /ID (node${a})>> <</S /TD /A <</Headers [(node${a})]>> /ID (node${b})>>\n`,
      );
    const one = Buffer.from(fixPdfMetadata(Buffer.from(tagged("00000217", "00000305")), meta)).toString("latin1");
    const two = Buffer.from(fixPdfMetadata(Buffer.from(tagged("00000191", "00000288")), meta)).toString("latin1");
    expect(one).toBe(two);
    expect(one).toContain(
      "<</S /TH /ID (node00000001)>> <</S /TD /A <</Headers [(node00000001)]>> /ID (node00000002)>>",
    );
  });

  it("leaves a file it does not recognise as it is, apart from the dates", () => {
    const odd = "%PDF-1.7\n1 0 obj\n<</CreationDate (D:20261202032929Z)>>\nendobj\n";
    expect(Buffer.from(fixPdfMetadata(Buffer.from(odd), meta)).toString("latin1")).toBe(odd);
  });
});

describe("pdfString", () => {
  it.each([
    ["plain", "(plain)"],
    ["a (b) c\\d", "(a \\(b\\) c\\\\d)"],
    ["Zürich", "<FEFF005A00FC0072006900630068>"],
  ])("%s -> %s", (value, expected) => {
    expect(pdfString(value)).toBe(expected);
  });
});
