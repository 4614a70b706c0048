// Types for bench/generate.mjs, so TypeScript tests can import it.

export interface GenerateOptions {
  projects: number;
  risksPerProject?: number;
  seed?: number;
}

export declare const AS_OF: string;
export declare const MANIFEST: string;

export declare function buildDocuments(options: GenerateOptions): { file: string; doc: Record<string, unknown> }[];

export declare function generate(
  dir: string,
  options: GenerateOptions,
): { dir: string; files: number; reused: boolean };
