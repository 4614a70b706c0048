import { UsageError } from "../errors.js";
import { git, gitRaw } from "./exec.js";
import type { Repository, Revision } from "./refs.js";

/** Baselines are annotated tags under this prefix: `pmo-baseline/<name>`. */
export const BASELINE_TAG_PREFIX = "pmo-baseline/";

/** A baseline as git records it: the tag, the commit it points at, the approving decision and who made it. */
export interface Baseline {
  name: string;
  /** The full tag name, `pmo-baseline/<name>`. */
  tag: string;
  /** The commit the tag points at: the state of the repository the baseline freezes. */
  commit: string;
  /** The approving decision's id, from the tag message's `Decision:` line; undefined when it has none. */
  decision: string | undefined;
  /** The tagger, `Name <email>`, and the tag's date (YYYY-MM-DD). */
  createdBy: string;
  date: string;
  /** The tag message without its trailer lines. */
  message: string;
  /** False for a lightweight tag (no message, no tagger): it records no decision. */
  annotated: boolean;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Whether a baseline name is usable: letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export function isBaselineName(name: string): boolean {
  return (
    NAME.test(name) && !name.includes("..") && !name.endsWith(".lock") && !name.endsWith(".") && name.length <= 100
  );
}

/** The tag message of a new baseline: a title, the caller's text, and the decision as a trailer line. */
export function baselineMessage(name: string, decision: string, note: string | undefined): string {
  return [`pmo baseline ${name}`, "", ...(note ? [note, ""] : []), `Decision: ${decision}`, ""].join("\n");
}

const FIELDS = [
  "%(refname:strip=2)",
  "%(objecttype)",
  "%(*objectname)",
  "%(objectname)",
  "%(taggername) %(taggeremail)",
  "%(taggerdate:short)",
  "%(contents)",
];
const FIELD_SEP = "\x1f";
const RECORD_SEP = "\x1e";

/** Every baseline tag of the repository, sorted by name. One `git for-each-ref`. */
export async function listBaselines(repo: Repository): Promise<Baseline[]> {
  const out = await git(repo.top, [
    "for-each-ref",
    `--format=${FIELDS.join(FIELD_SEP)}${RECORD_SEP}`,
    `refs/tags/${BASELINE_TAG_PREFIX}`,
  ]);
  return out
    .toString("utf8")
    .split(RECORD_SEP)
    .map((r) => r.replace(/^\n/, ""))
    .filter((r) => r.trim() !== "")
    .map(parseRecord)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function parseRecord(record: string): Baseline {
  const [tag = "", type = "", peeled = "", object = "", tagger = "", date = "", contents = ""] =
    record.split(FIELD_SEP);
  const annotated = type === "tag";
  const decision = /^Decision:[ \t]*(\S+)[ \t]*$/m.exec(contents)?.[1];
  const message = contents
    .split("\n")
    .filter((l) => !/^Decision:/.test(l))
    .join("\n")
    .trim();
  return {
    name: tag.slice(BASELINE_TAG_PREFIX.length),
    tag,
    commit: annotated ? peeled : object,
    decision,
    createdBy: tagger.trim(),
    date,
    message,
    annotated,
  };
}

/** One baseline by name, or a usage error naming the ones that exist. */
export async function findBaseline(repo: Repository, name: string): Promise<Baseline> {
  const all = await listBaselines(repo);
  const found = all.find((b) => b.name === name);
  if (found) return found;
  const known =
    all.length === 0
      ? "there are no baselines yet (pmo baseline create NAME --decision DEC-ID makes one)"
      : `the baselines are ${all.map((b) => b.name).join(", ")}`;
  throw new UsageError(`no baseline named "${name}": ${known}`);
}

/** The commit of a baseline, as a revision that loadWorkspaceAtRevision reads. */
export function baselineRevision(baseline: Baseline): Revision {
  return { commit: baseline.commit, label: baseline.tag };
}

/**
 * Makes the annotated tag `pmo-baseline/<name>` on `commit` with `message` (git records the
 * tagger, from user.name and user.email). Refuses a name already taken; never moves a tag.
 */
export async function createBaselineTag(
  repo: Repository,
  name: string,
  commit: string,
  message: string,
): Promise<void> {
  const tag = `${BASELINE_TAG_PREFIX}${name}`;
  const exists = await gitRaw(repo.top, ["rev-parse", "--verify", "--quiet", `refs/tags/${tag}`]);
  if (exists.code === 0)
    throw new UsageError(
      `the baseline "${name}" already exists (tag ${tag}); a baseline is never moved: choose another name`,
    );
  const result = await gitRaw(repo.top, ["tag", "--annotate", "--file=-", "--cleanup=verbatim", tag, commit], message);
  if (result.code !== 0) {
    const why = result.stderr.trim().split("\n").pop() ?? "git tag failed";
    throw new UsageError(`cannot create the baseline tag ${tag}: ${why.replace(/^(fatal|error): /, "")}`);
  }
}
