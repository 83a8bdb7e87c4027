export { freePort, startPortalProcess } from './startPortalProcess';
export type { PortalProcess } from './startPortalProcess';
export { CHROMIUM_PATH, launchChromium } from './launchChromium';
export { guestToken } from './guestToken';
export { screenshot } from './screenshot';
export { waitForValue } from './waitForValue';
