import { KINDS } from "../../model/document.js";
import { KIND_INFO } from "../domain/index.js";

/** Section titles of diff output, in the order kinds are listed (from the kind registry). */
export const KIND_TITLES: readonly [string, string][] = KINDS.map((kind) => [kind, KIND_INFO[kind].title]);
