export { formatBytes } from './formatBytes';
export {
  formatExactTime,
  formatRelativeTime,
  formatTimeWithAge,
} from './formatTime';
export {
  imageId,
  pullByDigest,
  pullByTag,
  pushCommands,
  shortDigest,
  tagsAreImmutable,
} from './imageCommands';
export { artifactKindLabel } from './artifactKindLabel';
export { consoleShortcutUrl } from './consoleShortcut';
export type { SsoSettings } from './consoleShortcut';
