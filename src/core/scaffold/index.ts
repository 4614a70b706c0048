export { nextId, personId, DEFAULT_ID_PREFIX } from "./ids.js";
export { planNewDocument, parseNewKind, usualFolder, NEW_KINDS, CONVENTIONAL_FOLDER, type NewKind, type NewDocument, type NewDocumentRequest } from "./new-document.js";
export { renderTemplate } from "./templates.js";
