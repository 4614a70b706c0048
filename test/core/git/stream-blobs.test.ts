import { afterAll, describe, expect, it } from "vitest";
import { readBlobs, streamBlobs } from "../../../src/core/git/index.js";
import { commitAll, git, makeGitRepo } from "../../helpers/git.js";
import { removeRepo } from "../../helpers/repo.js";

const repos: string[] = [];
afterAll(() => repos.forEach(removeRepo));

/** A repository whose blobs are of every awkward size: empty, one byte, a line feed, and larger than a pipe's chunk. */
function repository(): { dir: string; oids: Map<string, string> } {
  const files: Record<string, string> = {
    "empty.yaml": "",
    "one.yaml": "a",
    "newline.yaml": "\n",
    "big.yaml": "x: " + "0123456789".repeat(30_000) + "\n",
    "bigger.yaml": "y: " + "abcdefghij\n".repeat(40_000),
  };
  for (let i = 0; i < 300; i++) files[`many/p${i}.yaml`] = `id: P-${i}\n${"z".repeat(i * 37)}\n`;
  const dir = makeGitRepo(files);
  repos.push(dir);
  commitAll(dir, "blobs");
  const oids = new Map<string, string>();
  for (const line of git(dir, "ls-tree", "-r", "HEAD").split("\n")) {
    const [meta, file] = line.split("\t") as [string, string];
    oids.set(file, meta.split(" ")[2]!);
  }
  return { dir, oids };
}

describe("streamBlobs", () => {
  it("gives every blob byte for byte as the one-batch reader does, whatever the chunk boundaries", async () => {
    const { dir, oids } = repository();
    const ids = [...oids.values()];
    const whole = await readBlobs(dir, ids);
    const stream = streamBlobs(dir, ids);
    for (const oid of ids) {
      const bytes = await stream.get(oid);
      expect(bytes && Buffer.from(bytes).equals(whole.get(oid)!), oid).toBe(true);
    }
    expect(whole.get(oids.get("empty.yaml")!)!.length).toBe(0);
  });

  it("keeps a blob until it has been asked for as many times as its id was given, then drops it", async () => {
    const { dir, oids } = repository();
    const one = oids.get("one.yaml")!;
    const stream = streamBlobs(dir, [one, one]);
    expect(Buffer.from((await stream.get(one))!).toString()).toBe("a");
    expect(Buffer.from((await stream.get(one))!).toString()).toBe("a");
    expect(await stream.get(one)).toBeUndefined();
  });

  it("answers undefined for an id that was not asked for and for one git does not have", async () => {
    const { dir, oids } = repository();
    const missing = "0123456789abcdef0123456789abcdef01234567";
    const stream = streamBlobs(dir, [missing, oids.get("one.yaml")!]);
    expect(await stream.get(missing)).toBeUndefined();
    expect(await stream.get(oids.get("newline.yaml")!)).toBeUndefined();
    expect(Buffer.from((await stream.get(oids.get("one.yaml")!))!).toString()).toBe("a");
  });

  it("rejects the blobs still awaited with git's message when git fails", async () => {
    const stream = streamBlobs("/", ["0123456789abcdef0123456789abcdef01234567"]);
    await expect(stream.get("0123456789abcdef0123456789abcdef01234567")).rejects.toThrow(/not a git repository/);
  });
});
