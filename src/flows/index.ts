// Flows: what drives several modules' I/O in one go — the demo company's build today, the monthly
// close (bill → recognise → post) as it arrives. Modules below never import from here.
export {
  buildDemoCompany,
  type DemoOptions,
  type DemoProgress,
  type DemoSummary,
} from "./demo/demo-build.js";
export { DEFAULT_SEED } from "./demo/demo-settings.js";
