export { formatBytes } from './formatBytes';
export { formatExactTime, formatRelativeTime } from './formatTime';
export {
  imageId,
  pullByDigest,
  pullByTag,
  pushCommands,
  shortDigest,
} from './imageCommands';
export { ARTIFACT_KINDS, artifactKindLabel } from './artifactKindLabel';
