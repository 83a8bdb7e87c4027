import {
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-ecr';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulatedAws } from './testing';
import { startSimulatedAws } from './testing';
import { README_EXAMPLES } from './__fixtures__/readme.examples';

const MAIN = '111111111111';
const DR = '222222222222';
const GITHUB_SECRET = `arn:aws:secretsmanager:eu-west-1:${MAIN}:secret:ecr-pullthroughcache/ghcr-AbCdEf`;
const upstreamImage = (tag: string) => ({
  tags: [tag],
  pushedAt: '2025-11-01T00:00:00Z',
});

let sim: SimulatedAws;
beforeEach(async () => {
  sim = await startSimulatedAws({
    accounts: [MAIN, DR],
    secrets: [GITHUB_SECRET],
    config: { 'ecr-kit:dockerHubToken': 'dckr_pat_readme' },
    secretConfigKeys: ['ecr-kit:dockerHubToken'],
    fixture: {
      upstreams: [
        {
          url: 'public.ecr.aws',
          repositories: [
            { name: 'nginx/nginx', images: [upstreamImage('1.27')] },
            {
              name: 'docker/library/busybox',
              images: [upstreamImage('1.36')],
            },
          ],
        },
        {
          url: 'registry-1.docker.io',
          repositories: [
            { name: 'library/redis', images: [upstreamImage('7.4')] },
          ],
        },
        {
          url: 'ghcr.io',
          repositories: [{ name: 'acme/tool', images: [upstreamImage('v1')] }],
        },
      ],
      principals: {
        AKIACI: {
          accountId: MAIN,
          arn: `arn:aws:iam::${MAIN}:role/ci`,
          allow: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        },
      },
    },
  });
});
afterEach(() => sim.stop());

const pull = (repositoryName: string, tag: string, accessKeyId?: string) =>
  sim.api.simulate.pull({
    accountId: MAIN,
    region: 'eu-west-1',
    repositoryName,
    tag,
    ...(accessKeyId ? { accessKeyId } : {}),
  });
const repository = async (accountId: string, region: string, name: string) => {
  const client = sim.ecr(accountId, region);
  const found = (
    await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: [name] }),
    )
  ).repositories![0];
  const { tags } = await client.send(
    new ListTagsForResourceCommand({ resourceArn: found.repositoryArn }),
  );
  return { ...found, tags };
};

describe('README examples', () => {
  it('shows exactly the code the tests apply', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const source = readFileSync(
      join(__dirname, '__fixtures__', 'readme.examples.ts'),
      'utf8',
    );
    const names = Object.keys(README_EXAMPLES);
    for (const name of names) {
      const region = new RegExp(
        `// #region ${name}\\n([\\s\\S]*?)\\n\\s*// #endregion`,
      ).exec(source)?.[1];
      expect(region).toBeDefined();
      const indent = Math.min(
        ...region!
          .split('\n')
          .filter(line => line.trim())
          .map(line => line.length - line.trimStart().length),
      );
      const code = region!
        .split('\n')
        .map(line => line.slice(indent))
        .join('\n');
      const block = new RegExp(
        `<!-- example: ${name} -->\\n\\n?\`\`\`ts\\n([\\s\\S]*?)\\n\`\`\``,
      ).exec(readme)?.[1];
      expect({ name, code: block }).toEqual({ name, code });
    }
    expect(readme.match(/<!-- example: /g)).toHaveLength(names.length);
  });

  it('repository: applies with the standard settings and the pull grant', async () => {
    const { failures } = await sim.up(README_EXAMPLES.repository);
    expect(failures).toEqual([]);
    const api = await repository(MAIN, 'eu-west-1', 'payments/api');
    expect(api).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'AES256' },
      tags: expect.arrayContaining([
        { Key: 'ecr-kit/standard', Value: 'v1' },
        {
          Key: 'backstage.io/entity-ref',
          Value: 'component:default/payments-api',
        },
      ]),
    });
    const policy = await sim
      .ecr(MAIN)
      .send(new GetRepositoryPolicyCommand({ repositoryName: 'payments/api' }));
    expect(JSON.parse(policy.policyText!).Statement[0].Principal).toEqual({
      AWS: [`arn:aws:iam::${DR}:root`],
    });
  });

  it.each(['lifecycle', 'retain'])('%s: applies', async name => {
    const { failures, resources } = await sim.up(README_EXAMPLES[name]);
    expect(failures).toEqual([]);
    expect(resources.map(r => r.type)).toContain(
      'aws:ecr/lifecyclePolicy:LifecyclePolicy',
    );
  });

  it('registry: caches, scans and replicates to the DR account', async () => {
    const { failures } = await sim.up(README_EXAMPLES.registry);
    expect(failures).toEqual([]);

    pull('ecr-public/nginx/nginx', '1.27');
    expect(
      await repository(MAIN, 'eu-west-1', 'ecr-public/nginx/nginx'),
    ).toMatchObject({
      imageTagMutability: 'MUTABLE',
      tags: [{ Key: 'ecr-kit/standard', Value: 'v1' }],
    });

    const pushed = sim.api.simulate.push({
      accountId: MAIN,
      region: 'eu-west-1',
      repositoryName: 'payments/api',
      tag: '1.0.0',
    });
    expect(pushed.replicationStatuses).toEqual([
      { region: 'eu-central-1', registryId: DR, status: 'COMPLETE' },
    ]);
    expect(await repository(DR, 'eu-central-1', 'payments/api')).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      tags: [{ Key: 'ecr-kit/standard', Value: 'v1' }],
    });
    const scanning = await sim
      .ecr(MAIN)
      .send(new GetRegistryScanningConfigurationCommand({}));
    expect(scanning.scanningConfiguration?.scanType).toBe('ENHANCED');
  });

  it('registry-data: the data form caches, scans and replicates to the DR account', async () => {
    const { failures } = await sim.up(README_EXAMPLES['registry-data']);
    expect(failures).toEqual([]);
    pull('ecr-public/nginx/nginx', '1.27');
    expect(
      await repository(MAIN, 'eu-west-1', 'ecr-public/nginx/nginx'),
    ).toMatchObject({ imageTagMutability: 'MUTABLE' });
    const pushed = sim.api.simulate.push({
      accountId: MAIN,
      region: 'eu-west-1',
      repositoryName: 'payments/api',
      tag: '1.0.0',
    });
    expect(pushed.replicationStatuses).toEqual([
      { region: 'eu-central-1', registryId: DR, status: 'COMPLETE' },
    ]);
    expect(await repository(DR, 'eu-central-1', 'payments/api')).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      tags: [{ Key: 'ecr-kit/standard', Value: 'v1' }],
    });
    const scanning = await sim
      .ecr(MAIN)
      .send(new GetRegistryScanningConfigurationCommand({}));
    expect(scanning.scanningConfiguration?.scanType).toBe('ENHANCED');
  });

  it('pull-through-cache: caches each upstream, and the CI role only under its path', async () => {
    const { failures } = await sim.up(README_EXAMPLES['pull-through-cache']);
    expect(failures).toEqual([]);
    for (const [name, tag] of [
      ['ecr-public/nginx/nginx', '1.27'],
      ['docker/library/redis', '7.4'],
      ['github/acme/tool', 'v1'],
    ]) {
      expect(pull(name, tag).repository.repositoryName).toBe(name);
      const lifecycle = await sim
        .ecr(MAIN)
        .send(new GetLifecyclePolicyCommand({ repositoryName: name }));
      expect(lifecycle.lifecyclePolicyText).toContain('"countNumber":14');
    }
    expect(
      pull('ecr-public/docker/library/busybox', '1.36', 'AKIACI').repository
        .repositoryName,
    ).toBe('ecr-public/docker/library/busybox');
    expect(() => pull('ecr-public/nginx/nginx', 'latest', 'AKIACI')).toThrow(
      expect.objectContaining({ code: 'AccessDeniedException' }),
    );
  });

  it('scanning: writes the registry scanning configuration', async () => {
    const { failures } = await sim.up(README_EXAMPLES.scanning);
    expect(failures).toEqual([]);
    const scanning = await sim
      .ecr(MAIN)
      .send(new GetRegistryScanningConfigurationCommand({}));
    expect(scanning.scanningConfiguration).toEqual({
      scanType: 'ENHANCED',
      rules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: 'payments/*', filterType: 'WILDCARD' }],
        },
        {
          scanFrequency: 'SCAN_ON_PUSH',
          repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
        },
      ],
    });
  });
});
