export { TimeAgo } from './TimeAgo';
