import { Scalar, YAMLMap, YAMLSeq, type CollectionTag, type ScalarTag, type Tags } from "yaml";
import type { CST } from "yaml";

/**
 * Stringifier tags that give the yaml package's output the canonical style where its options
 * cannot: folded block scalars keep their line breaks, and flow collections are padded the way
 * the documentation writes them, `[a, b]` and `{ a: 1 }`.
 */

/** A folded block scalar (`>` or `>-`) kept as written: its header and its lines, unindented. */
export class FoldedLines {
  constructor(
    readonly header: string,
    readonly lines: readonly string[],
  ) {}
}

/**
 * yaml re-folds a folded scalar to the line width on output (or onto one line with no width),
 * which would rewrite every long description. Its lines are prose the author wrapped on
 * purpose, so they are written back as they were, re-indented to the new depth.
 */
const foldedLinesTag: ScalarTag = {
  tag: "tag:pmo.dev,2026:folded-lines",
  default: true,
  identify: (value) => value instanceof FoldedLines,
  resolve: (source) => source,
  stringify(item, ctx) {
    const value = (item as Scalar).value as FoldedLines;
    const indent = ctx.indent === "" ? "  " : ctx.indent;
    return `${value.header}\n${value.lines.map((line) => (line === "" ? "" : indent + line)).join("\n")}`;
  },
};

type Stringify = NonNullable<ScalarTag["stringify"]>;

function paddedCollection(nodeClass: typeof YAMLMap | typeof YAMLSeq, padding: string, tag: string): CollectionTag {
  const stringify: Stringify = (item, ctx, onComment, onChompKeep) =>
    (item as unknown as YAMLMap | YAMLSeq).toString(
      { ...ctx, flowCollectionPadding: padding } as Parameters<YAMLMap["toString"]>[0],
      onComment,
      onChompKeep,
    );
  return {
    tag,
    collection: nodeClass === YAMLMap ? "map" : "seq",
    nodeClass,
    default: true,
    identify: () => false,
    stringify,
  } as unknown as CollectionTag;
}

/** Tags to pass as `customTags` when parsing a document that will be formatted. */
export function formattingTags(tags: Tags): Tags {
  return [
    paddedCollection(YAMLMap, " ", "tag:yaml.org,2002:map"),
    paddedCollection(YAMLSeq, "", "tag:yaml.org,2002:seq"),
    foldedLinesTag,
    ...tags,
  ];
}

/**
 * The lines of a folded block scalar as written, when it can be kept verbatim: a plain `>` or
 * `>-` header (no indentation indicator, no keep chomping, no comment). Otherwise undefined, and
 * yaml writes the value itself.
 */
export function foldedLinesOf(node: Scalar): FoldedLines | undefined {
  const token = node.srcToken as CST.BlockScalar | undefined;
  if (node.type !== Scalar.BLOCK_FOLDED || token?.type !== "block-scalar") return undefined;
  const header = token.props
    .filter((p) => p.type !== "newline" && p.type !== "space")
    .map((p) => (p as { source?: string }).source ?? "")
    .join("");
  if (header !== ">" && header !== ">-") return undefined;
  const lines = token.source.split("\n").map((line) => line.replace(/\r$/, ""));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const content = lines.filter((line) => line.trim() !== "");
  if (content.length === 0) return undefined;
  const indent = Math.min(...content.map((line) => /^ */.exec(line)![0].length));
  return new FoldedLines(
    header,
    lines.map((line) => (line.trim() === "" ? "" : line.slice(indent))),
  );
}
