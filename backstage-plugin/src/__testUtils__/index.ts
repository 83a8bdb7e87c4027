export { backendError } from './backendError';
export { captureClipboard } from './captureClipboard';
export { ecrApiStub } from './ecrApiStub';
export { renderWithEntity } from './renderWithEntity';
