import { ECR_ARN_ANNOTATION } from '@ecr-kit/backstage-plugin-ecr-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { RepositoryProvisioner } from '../services/RepositoryProvisioner';
import { examples } from './createEcrRepositoryAction.examples';
import { inputSchema, outputSchema } from './inputSchema';
import {
  ACTION_ID,
  predictIdentifiers,
  resolveRepositoryRequest,
} from './resolveRequest';

/**
 * The `ecr:repository:create` action: creates an Amazon ECR repository to the ecr-kit
 * standard, or accepts an identical existing one.
 */
export function createEcrRepositoryAction(options: {
  provisioner: RepositoryProvisioner;
}) {
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Creates an Amazon ECR repository to the ecr-kit standard (immutable tags, scan on push, encryption, lifecycle policy). Succeeds without change when an identical repository exists; fails, naming the differences, when it exists with other settings; removes what it created when a later step fails.',
    examples,
    supportsDryRun: true,
    schema: { input: inputSchema, output: outputSchema },
    async handler(ctx) {
      // Validation (and the standard's defaults) before any AWS call.
      const request = resolveRepositoryRequest(ctx.input);
      const repository = ctx.isDryRun
        ? { ...predictIdentifiers(request), created: false }
        : await options.provisioner.ensureRepository(request, {
            logger: ctx.logger,
          });
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would create repository ${repository.repositoryName} in account ${request.accountId} (${request.region}); no AWS call made`,
        );
      }
      ctx.output('repositoryName', repository.repositoryName);
      ctx.output('repositoryUri', repository.repositoryUri);
      ctx.output('repositoryArn', repository.repositoryArn);
      ctx.output('registryId', repository.registryId);
      ctx.output('catalogAnnotations', {
        [ECR_ARN_ANNOTATION]: repository.repositoryArn,
      });
      ctx.output('created', repository.created);
    },
  });
}
