/**
 * Backstage scaffolder module with the `ecr:repository:create` action, which creates an
 * Amazon ECR repository to the ecr-kit standard.
 *
 * @packageDocumentation
 */
export { ecrScaffolderModule as default } from './module';
