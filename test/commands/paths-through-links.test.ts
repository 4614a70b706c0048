import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { ENGAGEMENT, makeRepo, removeRepo } from "../helpers/repo.js";

/**
 * A path named on the command line that leads out of the repository through a symbolic link is
 * refused (exit 2), as discovery does not follow such links: `repo/linked` -> a folder elsewhere.
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
  it("validate, check, ls, history and baseline refuse a folder argument or -C through the link, from inside and outside the repository", async () => {
    const { top, repo, elsewhere } = layout();
    for (const [args, cwd, shown, root] of [
      [["validate", "linked", ...AS_OF], repo, "linked", "(the current folder)"],
      [["validate", "repo/linked", ...AS_OF], top, "repo/linked", "repo/"],
      [["check", "repo/linked", ...AS_OF], top, "repo/linked", "repo/"],
      // With -C, ls shows paths relative to the folder pmo runs in; history and baseline to where it started.
      [["-C", "repo/linked", "ls", "people"], top, "the current folder", "../"],
      [["-C", "repo/linked", "history"], top, "repo/linked", "repo/"],
      [["-C", "repo/linked", "baseline", "ls"], top, "repo/linked", "repo/"],
    ] as const) {
      const result = await runCli(args, { cwd });
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(refusal(shown, "it", elsewhere, elsewhere, root));
      expect(result.code).toBe(2);
    }
    // The same folder named as itself is a repository of its own.
    const direct = await runCli(["validate", elsewhere, ...AS_OF], { cwd: repo });
    expect(direct.code).toBe(0);
  });

  it("a link inside a subfolder is named, with the path beyond it", async () => {
    const { top, elsewhere } = layout();
    mkdirSync(path.join(top, "repo", "sub"));
    symlinkSync(elsewhere, path.join(top, "repo", "sub", "deep"));
    const result = await runCli(["validate", "repo/sub/deep/people", ...AS_OF], { cwd: top });
    expect(result.stderr).toBe(
      refusal("repo/sub/deep/people", "repo/sub/deep", elsewhere, path.join(elsewhere, "people"), "repo/"),
    );
    expect(result.code).toBe(2);
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
