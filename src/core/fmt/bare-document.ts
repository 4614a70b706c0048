import { type Document, isScalar } from "yaml";

/**
 * A document that holds no node, only (perhaps) comments: the one between two `---` lines or
 * after a trailing `---`. It is a document of the stream all the same (a reader counts it), so
 * fmt and the sync import keep it.
 */
export function isBare(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return (
    contents === null ||
    (isScalar(contents) &&
      contents.value === null &&
      contents.range[0] === contents.range[1] &&
      !contents.anchor &&
      !contents.tag)
  );
}

/**
 * A bare document as text: its directives, its start marker, its comments each on a line of
 * their own, and `...` when it must be closed. yaml would write its empty node as an empty line
 * and a comment in it indented by a space.
 */
export function writeBareDocument(doc: Document.Parsed): string {
  const contents = doc.contents;
  const comment = (c: string | null | undefined): string =>
    typeof c === "string" && c !== "" ? `${c.replace(/^(?!$)/gm, "#")}\n` : "";
  const inside = [contents?.commentBefore, contents?.comment, doc.comment].map(comment).join("");
  const directives = doc.directives!.toString(doc);
  return `${comment(doc.commentBefore)}${directives === "" ? "" : `${directives}\n`}---\n${inside}${doc.directives!.docEnd ? "...\n" : ""}`;
}
