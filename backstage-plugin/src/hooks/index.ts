export { useConsoleUrl } from './useConsoleUrl';
