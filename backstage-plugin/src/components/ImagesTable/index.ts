export { ImagesTable } from './ImagesTable';
