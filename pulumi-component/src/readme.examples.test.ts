import { GetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulatedAws } from './testing';
import { startSimulatedAws } from './testing';
import { README_EXAMPLES } from './__fixtures__/readme.examples';
import {
  CI_PRINCIPALS,
  DR,
  MAIN,
  publicUpstreams,
  upstreamImage,
} from './__fixtures__/upstreams';
import {
  describedRepository,
  expectCiCachesOnlyUnderEcrPublicDocker,
  expectPushReplicated,
  lifecyclePolicyOf,
  pullFromMain,
  registryScanningOf,
} from './__testUtils__/simulator';

const GITHUB_SECRET = `arn:aws:secretsmanager:eu-west-1:${MAIN}:secret:ecr-pullthroughcache/ghcr-AbCdEf`;

let sim: SimulatedAws;
beforeEach(async () => {
  sim = await startSimulatedAws({
    accounts: [MAIN, DR],
    secrets: [GITHUB_SECRET],
    config: { 'ecr-kit:dockerHubToken': 'dckr_pat_readme' },
    secretConfigKeys: ['ecr-kit:dockerHubToken'],
    fixture: {
      upstreams: [
        ...publicUpstreams('1.27'),
        {
          url: 'ghcr.io',
          repositories: [
            { name: 'acme/tool', images: [upstreamImage('v1', 'd')] },
          ],
        },
      ],
      principals: CI_PRINCIPALS,
    },
  });
});
afterEach(() => sim.stop());

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
    const api = await describedRepository(
      sim,
      MAIN,
      'eu-west-1',
      'payments/api',
    );
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

  it.each(['registry', 'registry-data'])(
    '%s: caches, scans and replicates to the DR account',
    async name => {
      const { failures } = await sim.up(README_EXAMPLES[name]);
      expect(failures).toEqual([]);

      pullFromMain(sim, 'ecr-public/nginx/nginx', '1.27');
      expect(
        await describedRepository(
          sim,
          MAIN,
          'eu-west-1',
          'ecr-public/nginx/nginx',
        ),
      ).toMatchObject({
        imageTagMutability: 'MUTABLE',
        tags: [{ Key: 'ecr-kit/standard', Value: 'v1' }],
      });

      expectPushReplicated(sim, 'eu-west-1', 'eu-central-1');
      expect(
        await describedRepository(sim, DR, 'eu-central-1', 'payments/api'),
      ).toMatchObject({
        imageTagMutability: 'IMMUTABLE',
        tags: [{ Key: 'ecr-kit/standard', Value: 'v1' }],
      });
      expect((await registryScanningOf(sim))?.scanType).toBe('ENHANCED');
    },
  );

  it('pull-through-cache: caches each upstream, and the CI role only under its path', async () => {
    const { failures } = await sim.up(README_EXAMPLES['pull-through-cache']);
    expect(failures).toEqual([]);
    for (const [name, tag] of [
      ['ecr-public/nginx/nginx', '1.27'],
      ['docker/library/redis', '7.4'],
      ['github/acme/tool', 'v1'],
    ]) {
      expect(pullFromMain(sim, name, tag).repository.repositoryName).toBe(name);
      expect(await lifecyclePolicyOf(sim, name)).toContain('"countNumber":14');
    }
    expectCiCachesOnlyUnderEcrPublicDocker(sim);
  });

  it('scanning: writes the registry scanning configuration', async () => {
    const { failures } = await sim.up(README_EXAMPLES.scanning);
    expect(failures).toEqual([]);
    expect(await registryScanningOf(sim)).toEqual({
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
