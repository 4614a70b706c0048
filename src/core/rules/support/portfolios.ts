/** Portfolio ancestry lives in the domain model (src/core/domain/portfolios.ts). */
export { portfolioChain } from "../../domain/index.js";
