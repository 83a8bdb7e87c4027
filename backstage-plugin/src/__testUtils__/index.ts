export { backendError } from './backendError';
export { captureClipboard } from './captureClipboard';
export { ecrApiStub, ecrApiWithRepositories } from './ecrApiStub';
export { listItemTexts } from './listItemTexts';
export { renderWithEntity } from './renderWithEntity';
