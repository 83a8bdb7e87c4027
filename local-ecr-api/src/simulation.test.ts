import {
  BatchGetImageCommand,
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCommand,
  CreateRepositoryCreationTemplateCommand,
  DescribeImageReplicationStatusCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  ListTagsForResourceCommand,
  PutImageCommand,
  PutRegistryPolicyCommand,
  PutReplicationConfigurationCommand,
  UpdateRepositoryCreationTemplateCommand,
  ValidatePullThroughCacheRuleCommand,
} from '@aws-sdk/client-ecr';
import { generatedManifest } from './simulation/simulate';
import { untaggedExpiryRule } from './fixtureBuilders';
import { runCli, startLocalEcrApi, type LocalEcrApi } from './index';
import { upstreamRegistry } from './__fixtures__/upstreams';
import { ecrClient, expectAwsError } from './__testUtils__/clients';
import { allowStatement, policyText } from './__testUtils__/policyDocuments';

const PLATFORM = '111122223333';
const DR = '444455556666';
const OTHER = '777788889999';
const START = 1_767_225_600; // 2026-01-01
const DAY = 86_400;
const LIFECYCLE = JSON.stringify({
  rules: [
    untaggedExpiryRule({
      description: 'expire untagged cache entries',
      countNumber: 7,
    }),
  ],
});
const SECRET = `arn:aws:secretsmanager:eu-west-1:${PLATFORM}:secret:ecr-pullthroughcache/docker-hub-AbCdEf`;

let api: LocalEcrApi;
let clock = START;
const platform = () => ecrClient(api, 'AKIAPLATFORM');
/** A `docker pull` in the platform registry, as the account root unless `actor` says otherwise. */
const pull = (
  repositoryName: string,
  tag: string,
  actor: { accessKeyId?: string } = {},
) =>
  api.simulate.pull({
    accountId: PLATFORM,
    region: 'eu-west-1',
    repositoryName,
    tag,
    ...actor,
  });
const dr = (region = 'us-east-1') => ecrClient(api, 'AKIADR', region);

function nginx(tag: string, size: number) {
  return { tags: [tag], pushedAt: '2025-12-01T00:00:00Z', sizeInBytes: size };
}

beforeEach(async () => {
  clock = START;
  api = await startLocalEcrApi({
    now: () => clock,
    accounts: { AKIAPLATFORM: PLATFORM, AKIADR: DR },
    principals: {
      AKIACI: {
        accountId: PLATFORM,
        arn: `arn:aws:iam::${PLATFORM}:role/ci`,
        allow: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      },
    },
    fixture: {
      upstreams: [
        upstreamRegistry('public.ecr.aws', {
          'nginx/nginx': [
            {
              kind: 'index',
              tags: ['1.27'],
              pushedAt: '2025-11-01T00:00:00Z',
              sizeInBytes: 70_000_000,
            },
            nginx('latest', 71_000_000),
          ],
          'docker/library/busybox': [nginx('1.36', 2_000_000)],
        }),
        upstreamRegistry('registry-1.docker.io', {
          'library/redis': [nginx('7.4', 40_000_000)],
        }),
      ],
      registries: [
        {
          accountId: OTHER,
          region: 'eu-west-1',
          repositories: [
            {
              name: 'base/python',
              images: [{ tags: ['3.12'], pushedAt: '2025-10-01T00:00:00Z' }],
            },
          ],
        },
      ],
    },
  });
});
afterEach(() => api.stop());

async function ecrPublicRule() {
  await platform().send(
    new CreatePullThroughCacheRuleCommand({
      ecrRepositoryPrefix: 'ecr-public',
      upstreamRegistryUrl: 'public.ecr.aws',
    }),
  );
}
/** A Docker Hub cache rule under `docker-hub`, with the credentials in `credentialArn`. */
const dockerHubRule = (credentialArn?: string) =>
  platform().send(
    new CreatePullThroughCacheRuleCommand({
      ecrRepositoryPrefix: 'docker-hub',
      upstreamRegistryUrl: 'registry-1.docker.io',
      ...(credentialArn ? { credentialArn } : {}),
    }),
  );
/** The PULL_THROUGH_CACHE creation template of the `ecr-public` namespace. */
const ecrPublicTemplate = (
  settings: Omit<
    ConstructorParameters<typeof CreateRepositoryCreationTemplateCommand>[0],
    'prefix' | 'appliedFor'
  >,
) =>
  platform().send(
    new CreateRepositoryCreationTemplateCommand({
      prefix: 'ecr-public',
      appliedFor: ['PULL_THROUGH_CACHE'],
      ...settings,
    }),
  );
/** A pull of `ecr-public/nginx/nginx:<tag>` through the real SDK call, BatchGetImage. */
const batchGetNginx = (tag: string) =>
  platform().send(
    new BatchGetImageCommand({
      repositoryName: 'ecr-public/nginx/nginx',
      imageIds: [{ imageTag: tag }],
    }),
  );

describe('pull through cache', () => {
  it('creates the cached repository from the PULL_THROUGH_CACHE template and caches the image with its platforms', async () => {
    await ecrPublicRule();
    await ecrPublicTemplate({
      imageTagMutability: 'MUTABLE',
      lifecyclePolicy: LIFECYCLE,
    });
    const pulled = pull('ecr-public/nginx/nginx', '1.27');
    expect(pulled.repository).toMatchObject({
      repositoryName: 'ecr-public/nginx/nginx',
      imageTagMutability: 'MUTABLE',
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
    const upstream = api.world.upstreams.resolve(
      'public.ecr.aws',
      'nginx/nginx',
      { tag: '1.27' },
    )!;
    expect(pulled.imageDigest).toBe(upstream[0].imageDigest);
    const images = await platform().send(
      new DescribeImagesCommand({ repositoryName: 'ecr-public/nginx/nginx' }),
    );
    expect(images.imageDetails?.map(i => i.imageDigest).sort()).toEqual(
      upstream.map(i => i.imageDigest).sort(),
    );
    const policy = await platform().send(
      new GetLifecyclePolicyCommand({
        repositoryName: 'ecr-public/nginx/nginx',
      }),
    );
    expect(policy.lifecyclePolicyText).toBe(LIFECYCLE);
    // A pull is BatchGetImage: once cached, the real SDK call serves the manifest.
    const got = await batchGetNginx('1.27');
    expect(got.images?.[0].imageId?.imageDigest).toBe(pulled.imageDigest);
    expect(got.failures).toEqual([]);
  });

  it('uses ECR defaults without a template, and a pull through BatchGetImage creates the repository too', async () => {
    await ecrPublicRule();
    const got = await batchGetNginx('latest');
    expect(got.images).toHaveLength(1);
    const { repositories } = await platform().send(
      new DescribeRepositoriesCommand({
        repositoryNames: ['ecr-public/nginx/nginx'],
      }),
    );
    expect(repositories?.[0]).toMatchObject({
      imageTagMutability: 'MUTABLE',
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
  });

  it('reports a tag the upstream does not have as ImageNotFound and creates nothing', async () => {
    await ecrPublicRule();
    const got = await batchGetNginx('0.0.1');
    expect(got.failures?.[0]).toMatchObject({ failureCode: 'ImageNotFound' });
    expect(
      api.store
        .get(PLATFORM, 'eu-west-1')
        .repositories.has('ecr-public/nginx/nginx'),
    ).toBe(false);
  });

  it('cannot create the repository from a template that tags or uses KMS without customRoleArn', async () => {
    await ecrPublicRule();
    await ecrPublicTemplate({
      resourceTags: [{ Key: 'owner', Value: 'platform' }],
    });
    await expectAwsError(batchGetNginx('latest'), {
      type: 'UnableToGetUpstreamImageException',
      status: 400,
      message: /the template sets resource tags but has no customRoleArn/,
    });
    expect(api.store.get(PLATFORM, 'eu-west-1').repositories.size).toBe(0);
    await platform().send(
      new UpdateRepositoryCreationTemplateCommand({
        prefix: 'ecr-public',
        encryptionConfiguration: { encryptionType: 'KMS' },
        customRoleArn: `arn:aws:iam::${PLATFORM}:role/ecr-template`,
      }),
    );
    const pulled = pull('ecr-public/nginx/nginx', 'latest');
    expect(pulled.repository.encryptionConfiguration).toEqual({
      encryptionType: 'KMS',
      kmsKey: `arn:aws:kms:eu-west-1:${PLATFORM}:alias/aws/ecr`,
    });
    const tags = await platform().send(
      new ListTagsForResourceCommand({
        resourceArn: pulled.repository.repositoryArn,
      }),
    );
    expect(tags.tags).toEqual([{ Key: 'owner', Value: 'platform' }]);
  });

  it('fails a KMS template without a role as well', async () => {
    await ecrPublicRule();
    await platform().send(
      new CreateRepositoryCreationTemplateCommand({
        prefix: 'ROOT',
        appliedFor: ['PULL_THROUGH_CACHE'],
        encryptionConfiguration: { encryptionType: 'KMS' },
      }),
    );
    expect(() => pull('ecr-public/nginx/nginx', 'latest')).toThrow(
      /sets KMS encryption but has no customRoleArn/,
    );
  });

  it('needs credentials for Docker Hub: a rule without a secret is refused, a missing secret too, a rejected one fails the pull', async () => {
    await expectAwsError(dockerHubRule(), {
      type: 'InvalidParameterException',
      status: 400,
      message:
        /^Invalid parameter at 'credentialArn' failed to satisfy constraint: 'The upstream registry docker-hub requires authentication/,
    });
    await expectAwsError(dockerHubRule(SECRET), {
      type: 'SecretNotFoundException',
      status: 400,
      message: `The secret ${SECRET} does not exist`,
    });
    api.world.resources.putSecret(SECRET);
    await dockerHubRule(SECRET);
    expect(
      pull('docker-hub/library/redis', '7.4').repository.repositoryName,
    ).toBe('docker-hub/library/redis');
    api.world.resources.putSecret(SECRET, false);
    const validated = await platform().send(
      new ValidatePullThroughCacheRuleCommand({
        ecrRepositoryPrefix: 'docker-hub',
      }),
    );
    expect(validated).toMatchObject({
      isValid: false,
      failure: expect.stringContaining('rejected the credentials'),
    });
    // The cached tag still serves, as the cache does when the upstream refuses it…
    clock += 2 * DAY;
    expect(pull('docker-hub/library/redis', '7.4').imageDigest).toMatch(
      /^sha256:/,
    );
    // …but nothing new can be pulled.
    expect(() => pull('docker-hub/library/postgres', '17')).toThrow(
      expect.objectContaining({ code: 'UpstreamAccessDenied' }),
    );
  });

  it('lets a principal create and import only where the registry policy allows it', async () => {
    await ecrPublicRule();
    const ci = { accessKeyId: 'AKIACI' };
    expect(() => pull('ecr-public/nginx/nginx', 'latest', ci)).toThrow(
      expect.objectContaining({
        code: 'AccessDeniedException',
        message: expect.stringContaining('ecr:CreateRepository'),
      }),
    );
    await platform().send(
      new PutRegistryPolicyCommand({
        policyText: policyText(
          allowStatement(
            'ci may cache docker images',
            `arn:aws:iam::${PLATFORM}:role/ci`,
            ['ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'],
            `arn:aws:ecr:eu-west-1:${PLATFORM}:repository/ecr-public/docker/*`,
          ),
        ),
      }),
    );
    expect(
      pull('ecr-public/docker/library/busybox', '1.36', ci).repository
        .repositoryName,
    ).toBe('ecr-public/docker/library/busybox');
    expect(() => pull('ecr-public/nginx/nginx', 'latest', ci)).toThrow(
      expect.objectContaining({ code: 'AccessDeniedException' }),
    );
  });

  it.each([
    ['MUTABLE', 'takes the changed upstream tag after a day'],
    ['IMMUTABLE', 'keeps serving the digest it first cached'],
  ] as const)('%s cached repository %s', async (mutability, _) => {
    await ecrPublicRule();
    await ecrPublicTemplate({ imageTagMutability: mutability });
    const latest = () => pull('ecr-public/nginx/nginx', 'latest').imageDigest;
    const first = latest();
    api.world.upstreams.add('public.ecr.aws', 'nginx/nginx', [
      {
        imageDigest: `sha256:${'b'.repeat(64)}`,
        imageTags: ['latest'],
        imageSizeInBytes: 72_000_000,
        imagePushedAt: START,
        imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactMediaType: 'application/vnd.oci.image.config.v1+json',
        imageStatus: 'ACTIVE',
      },
    ]);
    clock += DAY / 2;
    expect(latest()).toBe(first); // checked upstream at most once a day
    clock += DAY;
    expect(latest()).toBe(
      mutability === 'MUTABLE' ? `sha256:${'b'.repeat(64)}` : first,
    );
  });

  it('reads an ECR upstream in another account only with customRoleArn', async () => {
    const upstreamUrl = `${OTHER}.dkr.ecr.eu-west-1.amazonaws.com`;
    await platform().send(
      new CreatePullThroughCacheRuleCommand({
        ecrRepositoryPrefix: 'golden',
        upstreamRegistryUrl: upstreamUrl,
        upstreamRegistry: 'ecr',
      }),
    );
    expect(() => pull('golden/base/python', '3.12')).toThrow(
      expect.objectContaining({
        code: 'UpstreamAccessDenied',
        message: expect.stringContaining('needs customRoleArn'),
      }),
    );
    await platform().send(
      new CreatePullThroughCacheRuleCommand({
        ecrRepositoryPrefix: 'golden-role',
        upstreamRegistryUrl: upstreamUrl,
        customRoleArn: `arn:aws:iam::${PLATFORM}:role/ecr-upstream`,
      }),
    );
    const pulled = pull('golden-role/base/python', '3.12');
    expect(pulled.imageDigest).toBe(
      [
        ...api.store
          .get(OTHER, 'eu-west-1')
          .repositories.get('base/python')!
          .images.keys(),
      ][0],
    );
  });
});

describe('replication', () => {
  async function configure() {
    await platform().send(
      new PutReplicationConfigurationCommand({
        replicationConfiguration: {
          rules: [
            {
              destinations: [
                { region: 'us-east-1', registryId: DR },
                { region: 'eu-central-1', registryId: PLATFORM },
              ],
              repositoryFilters: [
                { filter: 'team', filterType: 'PREFIX_MATCH' },
              ],
            },
          ],
        },
      }),
    );
    await platform().send(
      new CreateRepositoryCommand({
        repositoryName: 'team/app',
        imageTagMutability: 'IMMUTABLE',
      }),
    );
  }
  /** A `docker push` of `repositoryName:tag` (a multi-platform index with `platforms`). */
  const push = (
    tag: string,
    repositoryName = 'team/app',
    platforms?: string[],
  ) =>
    api.simulate.push({
      accountId: PLATFORM,
      region: 'eu-west-1',
      repositoryName,
      tag,
      ...(platforms ? { platforms } : {}),
    });
  const grant = (actions: string[]) =>
    dr().send(
      new PutRegistryPolicyCommand({
        policyText: policyText(
          allowStatement(
            'allow-replication',
            `arn:aws:iam::${PLATFORM}:root`,
            actions,
            `arn:aws:ecr:us-east-1:${DR}:repository/*`,
          ),
        ),
      }),
    );

  it('replicates to the same account in another Region, and fails the other account until its registry policy grants it', async () => {
    await configure();
    const denied = push('1.0.0');
    expect(denied.replicationStatuses).toEqual([
      {
        region: 'us-east-1',
        registryId: DR,
        status: 'FAILED',
        failureCode: 'REPLICATION_NOT_PERMITTED',
      },
      { region: 'eu-central-1', registryId: PLATFORM, status: 'COMPLETE' },
    ]);
    await grant(['ecr:CreateRepository', 'ecr:ReplicateImage']);
    const replicated = push('1.0.1');
    const statuses = await platform().send(
      new DescribeImageReplicationStatusCommand({
        repositoryName: 'team/app',
        imageId: { imageTag: '1.0.1' },
      }),
    );
    expect(statuses.replicationStatuses).toEqual([
      { region: 'us-east-1', registryId: DR, status: 'COMPLETE' },
      { region: 'eu-central-1', registryId: PLATFORM, status: 'COMPLETE' },
    ]);
    const copy = await dr().send(
      new DescribeImagesCommand({
        repositoryName: 'team/app',
        imageIds: [{ imageTag: '1.0.1' }],
      }),
    );
    expect(copy.imageDetails?.[0].imageDigest).toBe(replicated.imageDigest);
    // Created with ECR's defaults: the destination has no REPLICATION template.
    const { repositories } = await dr().send(
      new DescribeRepositoriesCommand({ repositoryNames: ['team/app'] }),
    );
    expect(repositories?.[0].imageTagMutability).toBe('MUTABLE');
  });

  it('needs ecr:CreateRepository for a missing repository, or the repository created beforehand', async () => {
    await configure();
    await grant(['ecr:ReplicateImage']);
    expect(push('1.0.0').replicationStatuses[0]).toMatchObject({
      status: 'FAILED',
    });
    await dr().send(
      new CreateRepositoryCommand({ repositoryName: 'team/app' }),
    );
    expect(push('1.0.1').replicationStatuses[0]).toEqual({
      region: 'us-east-1',
      registryId: DR,
      status: 'COMPLETE',
    });
  });

  it('creates the destination from its REPLICATION template, which needs a role to tag', async () => {
    await configure();
    await grant(['ecr:CreateRepository', 'ecr:ReplicateImage']);
    await dr().send(
      new CreateRepositoryCreationTemplateCommand({
        prefix: 'ROOT',
        appliedFor: ['REPLICATION'],
        imageTagMutability: 'IMMUTABLE',
        resourceTags: [{ Key: 'dr', Value: 'true' }],
      }),
    );
    expect(push('1.0.0').replicationStatuses[0]).toMatchObject({
      status: 'FAILED',
      failureCode: 'REPOSITORY_CREATION_FAILED',
    });
    await dr().send(
      new UpdateRepositoryCreationTemplateCommand({
        prefix: 'ROOT',
        customRoleArn: `arn:aws:iam::${DR}:role/ecr-template`,
      }),
    );
    expect(push('1.0.1').replicationStatuses[0]).toMatchObject({
      status: 'COMPLETE',
    });
    const { repositories } = await dr().send(
      new DescribeRepositoriesCommand({ repositoryNames: ['team/app'] }),
    );
    expect(repositories?.[0].imageTagMutability).toBe('IMMUTABLE');
  });

  it('replicates a multi-platform index with its platform manifests, and skips repositories outside the filters', async () => {
    await configure();
    await grant(['ecr:CreateRepository', 'ecr:ReplicateImage']);
    const pushed = push('2.0.0', 'team/app', ['linux/amd64', 'linux/arm64']);
    const copy = await dr().send(
      new DescribeImagesCommand({ repositoryName: 'team/app' }),
    );
    expect(copy.imageDetails).toHaveLength(3);
    expect(
      copy.imageDetails?.find(i => i.imageDigest === pushed.imageDigest)
        ?.imageTags,
    ).toEqual(['2.0.0']);
    await platform().send(
      new CreateRepositoryCommand({ repositoryName: 'tools/cli' }),
    );
    expect(push('1', 'tools/cli').replicationStatuses).toEqual([]);
  });
});

describe('push', () => {
  it('needs the repository unless a CREATE_ON_PUSH template covers the name', async () => {
    /** PutImage of `manifest` as `apps/web:1`. */
    const putWeb = (manifest: string) =>
      platform().send(
        new PutImageCommand({
          repositoryName: 'apps/web',
          imageManifest: manifest,
          imageTag: '1',
        }),
      );
    const manifest = generatedManifest('app');
    await expectAwsError(putWeb(manifest), {
      type: 'RepositoryNotFoundException',
      status: 400,
      message: `The repository with name 'apps/web' does not exist in the registry with id '${PLATFORM}'`,
    });
    await platform().send(
      new CreateRepositoryCreationTemplateCommand({
        prefix: 'apps',
        appliedFor: ['CREATE_ON_PUSH'],
        imageTagMutability: 'IMMUTABLE',
      }),
    );
    const pushed = await putWeb(manifest);
    expect(pushed.image?.imageId?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    await expectAwsError(putWeb(generatedManifest('app-2')), {
      type: 'ImageTagAlreadyExistsException',
      status: 400,
      message:
        "The image tag '1' already exists in the 'apps/web' repository and cannot be overwritten because the tag is immutable.",
    });
  });
});

describe('admin routes and CLI', () => {
  /** The CLI's `command` of `repository:tag` in the platform registry of the server. */
  const cli = (command: 'pull' | 'push', repository: string, tag: string) => [
    command,
    '--endpoint',
    api.url,
    '--account-id',
    PLATFORM,
    '--region',
    'eu-west-1',
    '--repository',
    repository,
    '--tag',
    tag,
  ];
  it('pulls through the cache over HTTP and from the command line', async () => {
    await ecrPublicRule();
    const response = await fetch(`${api.url}/_local/pull`, {
      method: 'POST',
      body: JSON.stringify({
        accountId: PLATFORM,
        region: 'eu-west-1',
        repositoryName: 'ecr-public/nginx/nginx',
        tag: 'latest',
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      repository: { repositoryName: 'ecr-public/nginx/nginx' },
    });
    const lines: string[] = [];
    await runCli(cli('pull', 'ecr-public/nginx/nginx', '1.27'), line =>
      lines.push(line),
    );
    expect(JSON.parse(lines[0])).toMatchObject({
      imageManifestMediaType: 'application/vnd.oci.image.index.v1+json',
    });
    await expect(runCli(cli('push', 'nope/x', '1'))).rejects.toThrow(
      /push failed: RepositoryNotFoundException/,
    );
  });
});
