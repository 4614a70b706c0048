import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Writes a throwaway repository from a map of relative path -> content; returns its folder. */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pmo-test-"));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export function removeRepo(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A minimal valid engagement, for repositories built in tests. */
export const ENGAGEMENT = `apiVersion: pmo/v1
kind: Engagement
id: ENG
name: Test engagement
client: { name: Client Ltd }
provider: { name: PMO Partners }
pmoType: [tactical]
phase: { current: deployment, since: 2026-01-05 }
scope: { services: [governance, reporting] }
reporting: { cadence: weekly }
currency: EUR
`;
