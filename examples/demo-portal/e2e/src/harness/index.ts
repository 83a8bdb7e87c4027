export { freePort, startPortalProcess } from './startPortalProcess';
export type { PortalProcess } from './startPortalProcess';
export {
  CHROMIUM_PATH,
  launchChromium,
  requireChromium,
} from './launchChromium';
export { startAll } from './startAll';
export { guestToken } from './guestToken';
export { screenshot } from './screenshot';
export { waitForValue } from './waitForValue';
export { watchdog } from './watchdog';
export { axeViolations, seriousOrCritical } from './axe';
export type { AxeViolation } from './axe';
export { overflowProblems } from './overflow';
export { bundleShare } from './bundleSize';
