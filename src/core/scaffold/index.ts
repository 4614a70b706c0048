export { nextId, personId, DEFAULT_ID_PREFIX } from "./ids.js";
export {
  planNewDocument,
  parseNewKind,
  usualFolder,
  NEW_KINDS,
  CONVENTIONAL_FOLDER,
  type NewKind,
  type NewDocument,
  type NewDocumentRequest,
} from "./new-document.js";
export { renderTemplate } from "./templates.js";
export { loadHeads, type DocumentHead } from "./scan.js";
export {
  planInit,
  normaliseAnswers,
  clientFromFolder,
  INIT_DEFAULTS,
  type InitAnswers,
  type InitContext,
  type ScaffoldFile,
} from "./init.js";
