// Optional: for teams that manage their ECR repositories in an infra repository with
// Pulumi. Copy this file into that repository's Pulumi program (see README.md).
import * as pulumi from '@pulumi/pulumi';
import { Repository } from '@ecr-kit/pulumi';

// The scaffolder created the repository already. `adopt` imports it (and its policies)
// into the Pulumi state on the first `pulumi up` instead of creating it again; remove
// the transform afterwards. Importing only works while these arguments give the same
// settings as the scaffolder action did: both apply the same ecr-kit standard.
const repositoryName = '${{ values.repositoryName }}';
const adoptedTypes = [
  'aws:ecr/repository:Repository',
  'aws:ecr/lifecyclePolicy:LifecyclePolicy',
  'aws:ecr/repositoryPolicy:RepositoryPolicy',
];
const adopt: pulumi.ResourceTransform = ({ type, props, opts }) =>
  adoptedTypes.includes(type)
    ? { props, opts: { ...opts, import: repositoryName } }
    : undefined;

export const repository = new Repository(
  '${{ values.name }}',
  {
    name: repositoryName,
    entityRef: 'component:default/${{ values.name }}',
    tags: { owner: '${{ values.owner }}' },
  },
  { transforms: [adopt] },
);

export const repositoryUrl = repository.repositoryUrl;
export const catalogAnnotations = repository.catalogAnnotations;
