// What the tests on the ECR simulator pull through and pull as: the upstream registries and
// the CI role of the main account.
import type { Fixture } from '@ecr-kit/local-ecr-api';

/** The account the default provider's credentials are for. */
export const MAIN = '111111111111';
/** The disaster-recovery account replication copies to. */
export const DR = '222222222222';

type Upstream = NonNullable<Fixture['upstreams']>[number];
type UpstreamImage = Upstream['repositories'][number]['images'][number];

/** An upstream image tagged `tag`, pushed 2025-11-01, its digest `sha256:` and 64 × `digestChar`. */
export function upstreamImage(tag: string, digestChar: string): UpstreamImage {
  return {
    tags: [tag],
    digest: `sha256:${digestChar.repeat(64)}`,
    pushedAt: '2025-11-01T00:00:00Z',
  };
}

/**
 * ECR Public (`nginx/nginx` tagged `nginxTag`, digest a…; `docker/library/busybox:1.36`, b…)
 * and Docker Hub (`library/redis:7.4`, c…).
 */
export function publicUpstreams(nginxTag: string): Upstream[] {
  return [
    {
      url: 'public.ecr.aws',
      repositories: [
        { name: 'nginx/nginx', images: [upstreamImage(nginxTag, 'a')] },
        {
          name: 'docker/library/busybox',
          images: [upstreamImage('1.36', 'b')],
        },
      ],
    },
    {
      url: 'registry-1.docker.io',
      repositories: [
        { name: 'library/redis', images: [upstreamImage('7.4', 'c')] },
      ],
    },
  ];
}

/**
 * The CI role of {@link MAIN} (access key `AKIACI`): its IAM policy lets it pull; where it may
 * fill the cache is the registry policy's to say.
 */
export const CI_PRINCIPALS: NonNullable<Fixture['principals']> = {
  AKIACI: {
    accountId: MAIN,
    arn: `arn:aws:iam::${MAIN}:role/ci`,
    allow: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  },
};
