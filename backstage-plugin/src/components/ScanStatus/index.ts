export { ScanStatus, scanReason } from './ScanStatus';
export { platformScans, worstOf } from './platformScans';
export type { PlatformScans } from './platformScans';
