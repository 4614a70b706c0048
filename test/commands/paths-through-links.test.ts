import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * A path named on the command line within a repository that leads out of it through a symbolic
 * link is refused (exit 2), as discovery does not follow such links: `repo/linked` -> a folder
 * elsewhere. The folder pmo works on is the repository itself, and is read wherever a link leads.
 */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeRepo));

const PERSON = "apiVersion: pmo/v1\nkind: Person\nid: ann.lee\nname: Ann Lee\n";
const UNORDERED = "name: Outside\nkind: Person\napiVersion: pmo/v1\nid: out.side\n";

/** A parent folder holding `repo/` (a pmo repository) and `elsewhere/` (outside it), `repo/linked` -> `elsewhere`. */
function layout(): { top: string; repo: string; elsewhere: string } {
  const top = makeRepo({
    "repo/engagement.yaml": ENGAGEMENT,
    "repo/pmo.config.yaml": "ignore: []\n",
    "repo/people/ann.yaml": PERSON,
    "repo/shared/inside.yaml": UNORDERED.replace("out.side", "in.side"),
    "elsewhere/engagement.yaml": ENGAGEMENT,
    "elsewhere/people/out.yaml": UNORDERED,
    "people.csv": "id,name\nbob.ray,Bob Ray\n",
  });
  dirs.push(top);
  const repo = path.join(top, "repo");
  const elsewhere = path.join(top, "elsewhere");
  symlinkSync(elsewhere, path.join(repo, "linked"));
  return { top, repo, elsewhere };
}

const AS_OF = ["--as-of", "2026-11-30"];
const refusal = (shown: string, link: string, target: string, real: string, root: string) =>
  `error: ${shown} leads outside the repository ${root}: ${link} is a symbolic link to ${target}; pmo reads no files outside the repository and does not follow such links when it looks for files, so it does not follow this one either (name ${real} itself, or move the files into the repository)\n`;

describe("paths through a symbolic link out of the repository", () => {
  it("the folder pmo works on (a folder argument or -C) is the repository, even when it is reached through a link", async () => {
    // As `cd` and `git -C` do: the folder named is the repository, wherever it lives. Only links
    // inside it that lead out are not followed.
    const { top, repo, elsewhere } = layout();
    const direct = await runCli(["validate", elsewhere, "--format", "json", ...AS_OF], { cwd: repo });
    expect(direct.code).toBe(0);
    const documents = (JSON.parse(direct.stdout) as { summary: { documents: number } }).summary.documents;
    expect(documents).toBe(2);
    for (const [args, cwd] of [
      [["validate", "linked", "--format", "json", ...AS_OF], repo],
      [["validate", "repo/linked", "--format", "json", ...AS_OF], top],
      [["-C", "repo/linked", "validate", "--format", "json", ...AS_OF], top],
      [["validate", "repo/sub/deep", "--format", "json", ...AS_OF], top],
    ] as const) {
      if (!existsSync(path.join(top, "repo", "sub"))) {
        mkdirSync(path.join(top, "repo", "sub"));
        symlinkSync(elsewhere, path.join(top, "repo", "sub", "deep"));
      }
      const result = await runCli(args, { cwd });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as { summary: { documents: number } }).summary.documents).toBe(documents);
    }
    const listed = await runCli(["-C", "repo/linked", "ls", "people", "--format", "json"], { cwd: top });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("out.side");
    expect(listed.stdout).not.toContain("ann.lee");
  });

  it("fmt refuses a file or folder through the link and writes nothing; a link within the repository is still formatted", async () => {
    const { repo, elsewhere } = layout();
    const outside = path.join(elsewhere, "people", "out.yaml");
    for (const given of ["linked/people/out.yaml", "linked", "linked/people"]) {
      const result = await runCli(["fmt", given], { cwd: repo });
      expect(result.stderr).toBe(
        refusal(
          given,
          given === "linked" ? "it" : "linked",
          elsewhere,
          path.join(elsewhere, given.slice(7)),
          "(the current folder)",
        ),
      );
      expect(result.code).toBe(2);
    }
    // A link to a file outside: fmt used to rewrite the file it points to.
    symlinkSync(outside, path.join(repo, "out-link.yaml"));
    const file = await runCli(["fmt", "out-link.yaml"], { cwd: repo });
    expect(file.stderr).toBe(refusal("out-link.yaml", "it", outside, outside, "(the current folder)"));
    expect(file.code).toBe(2);
    expect(readFileSync(outside, "utf8")).toBe(UNORDERED);
    // The whole repository: discovery skips the link (a warning of validate's), fmt does not follow it.
    expect((await runCli(["fmt"], { cwd: repo })).code).toBe(0);
    expect(readFileSync(outside, "utf8")).toBe(UNORDERED);
    symlinkSync("shared/inside.yaml", path.join(repo, "inside-link.yaml"));
    expect((await runCli(["fmt", "inside-link.yaml"], { cwd: repo })).code).toBe(0);
  });

  it("import refuses an --out-dir through the link before writing anything", async () => {
    const { top, repo, elsewhere } = layout();
    const result = await runCli(
      ["import", "csv", "../people.csv", "--kind", "person", "--out-dir", "linked/imported", ...AS_OF],
      { cwd: repo },
    );
    expect(result.stderr).toBe(
      refusal("linked/imported", "linked", elsewhere, path.join(elsewhere, "imported"), "(the current folder)"),
    );
    expect(result.code).toBe(2);
    expect(existsSync(path.join(elsewhere, "imported"))).toBe(false);
    // Into the repository itself, the same import works.
    const inside = await runCli(
      ["import", "csv", path.join(top, "people.csv"), "--kind", "person", "--out-dir", "people", ...AS_OF],
      {
        cwd: repo,
      },
    );
    expect(inside.code).toBe(0);
    expect(existsSync(path.join(repo, "people", "bob.ray.yaml"))).toBe(true);
  });

  it("new refuses a --folder through the link, or a kind's folder that is one", async () => {
    const { repo, elsewhere } = layout();
    const given = await runCli(["new", "person", "--name", "Cy Dee", "--folder", "linked/people", ...AS_OF], {
      cwd: repo,
    });
    expect(given.stderr).toBe(
      refusal(
        "linked/people/cy.dee.yaml",
        "linked",
        elsewhere,
        path.join(elsewhere, "people", "cy.dee.yaml"),
        "(the current folder)",
      ),
    );
    expect(given.code).toBe(2);
    expect(existsSync(path.join(elsewhere, "people", "cy.dee.yaml"))).toBe(false);
  });

  it("a repository reached through a linked folder above it, or a link that stays inside, is read as before", async () => {
    const { top, repo } = layout();
    // top/alias -> top: the repository is inside the link, not beyond one of its own.
    symlinkSync(top, path.join(top, "alias"));
    const above = await runCli(["validate", "alias/repo", ...AS_OF], { cwd: top });
    expect(above.code).toBe(0);
    // repo/people-link -> repo/people: inside the repository.
    symlinkSync(path.join(repo, "people"), path.join(repo, "people-link"));
    writeFileSync(path.join(repo, "pmo.config.yaml"), "ignore: []\n");
    const inside = await runCli(["validate", "people-link", ...AS_OF], { cwd: repo });
    expect(inside.stderr).not.toMatch(/leads outside/);
  });
});
