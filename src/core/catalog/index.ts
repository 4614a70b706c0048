/** The catalog is part of the domain model now (src/core/domain); this path keeps older imports working. */
export { buildCatalog, type Catalog, type Entry } from "../domain/index.js";
