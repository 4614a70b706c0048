/**
 * Indented JSON (`JSON.stringify(value, null, 2)` and a final line feed, byte for byte) written
 * in pieces, for the commands whose JSON runs to tens of megabytes (`pmo evm` and `pmo schedule`
 * on 10,000 projects: 38 MB each). The serialising stays V8's own (a serialiser written in
 * JavaScript is several times slower); what changes is that a long list is mapped to its JSON
 * shape and stringified a slice at a time, so that the mapped objects of one slice die young
 * instead of all surviving until one 38 MB string is built, copied into a buffer and written.
 */

/**
 * A top-level list whose items are turned into their JSON shape only when their slice is written.
 * The items may be any iterable, read once, in order, when the list's turn comes: a list of
 * items computed as they are read (`pmo evm` measures each project as it is written), and a list
 * after it whose items exist only once those have been read (the roll-ups of those projects).
 */
export class JsonList<T> {
  constructor(
    readonly items: Iterable<T>,
    readonly shape: (item: T) => unknown,
  ) {}
}

/** Items per slice: a few hundred kilobytes of JSON for the largest items pmo writes. */
const SLICE = 250;

/**
 * The pieces of `JSON.stringify(materialised, null, 2) + "\n"`, where `materialised` is `body`
 * with each JsonList replaced by its items mapped through its shape. Properties keep their
 * order; those JSON.stringify leaves out (undefined, functions) are left out.
 */
export function* indentedJsonPieces(body: Readonly<Record<string, unknown>>, slice = SLICE): Generator<string> {
  let first = true;
  for (const key of Object.keys(body)) {
    const value = body[key];
    const lead = first ? "{\n" : ",\n";
    if (value instanceof JsonList) {
      first = false;
      const items = value.items[Symbol.iterator]();
      let batch = take(items, slice);
      if (batch.length === 0) {
        yield `${lead}  ${JSON.stringify(key)}: []`;
        continue;
      }
      yield `${lead}  ${JSON.stringify(key)}: [\n`;
      for (let i = 0; batch.length > 0; i++, batch = take(items, slice)) {
        // Inside `{ "x": [ ... ] }` the items sit two levels deep, as they do in the body.
        const text = JSON.stringify({ x: batch.map(value.shape) }, null, 2);
        yield (i === 0 ? "" : ",\n") + text.slice(LIST_OPEN.length, -LIST_CLOSE.length);
      }
      yield "\n  ]";
      continue;
    }
    // `{ "key": value }` indented is the property as it reads in the body, between braces.
    const text = JSON.stringify({ [key]: value }, null, 2);
    if (text === "{}") continue;
    first = false;
    yield lead + text.slice(2, -2);
  }
  yield first ? "{}\n" : "\n}\n";
}

/** The next `n` items (fewer at the end). */
function take<T>(items: Iterator<T>, n: number): T[] {
  const batch: T[] = [];
  for (let next = items.next(); !next.done; next = items.next()) if (batch.push(next.value) === n) break;
  return batch;
}

const LIST_OPEN = '{\n  "x": [\n';
const LIST_CLOSE = "\n  ]\n}";

/** The whole text of indentedJsonPieces, for a caller that wants one string. */
export function indentedJson(body: Readonly<Record<string, unknown>>): string {
  return [...indentedJsonPieces(body)].join("");
}
