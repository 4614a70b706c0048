/**
 * `pmo report`: pure view builders (catalog + settings + check result + as-of -> view model),
 * an isolated Handlebars environment that lays the views out, and SVG charts. No file system,
 * no clock: the command reads the templates and writes the files.
 */
export {
  buildReport,
  renderReport,
  type ReportBaseline,
  type ReportFile,
  type Paper,
  type ReportInput,
  type SiteView,
} from "./site.js";
export { createRenderer, TemplateError, type Renderer } from "./render.js";
export { overlayTemplates, PAGE_TEMPLATES, type TemplateSet, type TemplateSource } from "./templates.js";
export {
  attachPrecompiled,
  generatePrecompiledModule,
  loadPrecompiled,
  PRECOMPILED_MODULE_NAME,
  type PrecompiledTemplates,
} from "./precompile.js";
export type { OutputFormat } from "./helpers.js";
export { historyPeriod, trendPeriod, MAX_TREND_PERIODS, type ReportHistory } from "./history.js";
export { buildDashboardView, type DashboardView } from "./views/dashboard.js";
export { buildProjectView, type ProjectView } from "./views/project.js";
export { buildRiskRegisterView, type RiskRegisterView } from "./views/risk-register.js";
export { buildEngagementView, type EngagementView } from "./views/engagement.js";
export { frontierChart, type FrontierChartInput } from "./charts/index.js";
export { audienceId, findAudience, type Audience } from "./audience.js";
export { fixPdfMetadata, pdfString, type PdfMetadata } from "./pdf-metadata.js";
