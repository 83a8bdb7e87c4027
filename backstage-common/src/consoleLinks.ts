import {
  partitionOf,
  registryHost,
  repositoryUri,
  type RegistryIdentity,
} from '@ecr-kit/ecr-standard';
import type { RepositoryArn } from './repositoryArn';

/**
 * Links into the Amazon ECR console, in the repository's partition (the China and GovCloud
 * consoles have their own hosts; partitions without a public console get none). Paths as the
 * console uses them: `ecr/repositories/private/<account>/<name>`, an image's page under
 * `/_/image/<digest>/details`.
 *
 * @public
 */
export interface EcrConsoleLinks {
  readonly repository?: string;
  image(digest: string): string | undefined;
}

/**
 * Console links of a repository.
 *
 * @public
 */
export function ecrConsoleLinks(arn: RepositoryArn): EcrConsoleLinks {
  const host = partitionOf(arn.region).consoleHost;
  const base = host
    ? `https://${arn.region}.${host}/ecr/repositories/private/${arn.accountId}/${arn.repositoryName}`
    : undefined;
  const query = `?region=${arn.region}`;
  return {
    repository: base && `${base}${query}`,
    image: digest =>
      base && `${base}/_/image/${encodeURIComponent(digest)}/details${query}`,
  };
}

/**
 * The host of a private registry, as `docker login` takes it:
 * `<account>.dkr.ecr.<region>.<partition suffix>`.
 *
 * @public
 */
export function ecrRegistryHost(registry: RegistryIdentity): string {
  return registryHost(registry.accountId, registry.region);
}

/**
 * The `docker pull` URI of a repository: `<account>.dkr.ecr.<region>.<partition suffix>/<name>`.
 *
 * @public
 */
export function ecrRepositoryUri(arn: RepositoryArn): string {
  return repositoryUri(arn.accountId, arn.region, arn.repositoryName);
}
