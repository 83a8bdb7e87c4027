import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  generateImages,
  parseFixture,
  readFixtureFile,
  runCli,
  startLocalEcrApi,
} from './index';

describe('generateImages', () => {
  const options = {
    repositoryName: 'svc',
    count: 2000,
    seed: 3,
    now: 1_767_225_600,
  };

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateImages(options)).toEqual(generateImages(options));
    expect(generateImages({ ...options, seed: 4 })[0].imageDigest).not.toBe(
      generateImages(options)[0].imageDigest,
    );
  });

  it('makes a realistic mix', () => {
    const images = generateImages(options);
    expect(images).toHaveLength(2000);
    expect(new Set(images.map(i => i.imageDigest)).size).toBe(2000);
    const share = (predicate: (i: (typeof images)[number]) => boolean) =>
      images.filter(predicate).length / images.length;
    expect(share(i => i.imageTags.length === 0)).toBeGreaterThan(0.1);
    expect(
      share(i => i.imageManifestMediaType.includes('index')),
    ).toBeGreaterThan(0.02);
    expect(share(i => Boolean(i.subjectManifestDigest))).toBeGreaterThan(0.02);
    expect(share(i => i.imageStatus === 'ARCHIVED')).toBeGreaterThan(0.005);
    expect(
      share(i => i.scan?.status === 'COMPLETE' && i.scan.findings.length > 0),
    ).toBeGreaterThan(0.3);
    expect(images.every(i => i.imagePushedAt <= options.now)).toBe(true);
    // Pushes span the two years up to now: the newest is recent, the oldest ~2 years old.
    const pushed = images.map(i => i.imagePushedAt);
    const days = (t: number) => (options.now - t) / 86_400;
    expect(days(Math.max(...pushed))).toBeLessThan(2);
    expect(days(Math.min(...pushed))).toBeGreaterThan(700);
    expect(
      images.every(i => (i.lastRecordedPullTime ?? 0) <= options.now),
    ).toBe(true);
  });
});

describe('fixtures', () => {
  it('names every bad field and what it must be', () => {
    expect(() =>
      parseFixture({
        registries: [
          {
            accountId: '123',
            region: 'mars',
            repositories: [
              { name: 'svc', images: [{ pushedAt: 'yesterday' }] },
            ],
          },
        ],
      }),
    ).toThrow(
      [
        'Invalid local ECR fixture (inline):',
        '  - registries[0].accountId: must be a 12-digit AWS account id',
        '  - registries[0].region: must be an AWS region such as eu-west-1',
        '  - registries[0].repositories[0].images[0].pushedAt: must be an ISO 8601 date-time such as 2025-12-01T10:00:00Z, or epoch seconds',
      ].join('\n'),
    );
  });

  it('refuses a referrer whose subject is not in the repository', async () => {
    await expect(
      startLocalEcrApi({
        fixture: {
          registries: [
            {
              accountId: '111111111111',
              region: 'eu-west-1',
              repositories: [
                {
                  name: 'svc',
                  images: [{ kind: 'signature', subject: 'v9', pushedAt: 0 }],
                },
              ],
            },
          ],
        },
      }),
    ).rejects.toThrow(
      'images[0].subject: a signature needs the tag or digest of an earlier image',
    );
  });

  it('reports a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-ecr-'));
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(() => readFixtureFile(join(dir, 'bad.json'))).toThrow(
      /bad\.json:\n {2}- cannot read it as JSON/,
    );
  });
});

describe('CLI', () => {
  it('loads a bundled fixture by name, with what its playOut pulled and pushed', async () => {
    const lines: string[] = [];
    const api = await runCli(['--port', '0', '--fixture', 'example'], line =>
      lines.push(line),
    );
    try {
      expect(lines[0]).toMatch(/\(4 repositories seeded\)$/);
      expect(
        api!.store
          .get('111122223333', 'eu-west-1')
          .repositories.get('ecr-public/nginx/nginx')?.createdBy,
      ).toBe('PULL_THROUGH_CACHE');
      expect(
        api!.store
          .get('444455556666', 'us-east-1')
          .repositories.get('team/payments')?.createdBy,
      ).toBe('REPLICATION');
    } finally {
      await api?.stop();
    }
    await expect(runCli(['--fixture', 'nope'])).rejects.toThrow(
      '--fixture "nope" is neither a file nor a bundled fixture (bundled: example)',
    );
  });

  it('refuses a playOut step that ECR would refuse, naming it', async () => {
    await expect(
      startLocalEcrApi({
        fixture: {
          playOut: [
            {
              push: {
                accountId: '111122223333',
                region: 'eu-west-1',
                repositoryName: 'missing/repo',
                tag: '1',
              },
            },
          ],
        },
      }),
    ).rejects.toThrow(
      "playOut[0]: RepositoryNotFoundException: The repository with name 'missing/repo' does not exist in the registry with id '111122223333'",
    );
  });

  it('refuses a seed ECR could not hold, naming the field', () => {
    expect(() =>
      parseFixture({
        registries: [
          {
            accountId: '111122223333',
            region: 'eu-west-1',
            repositories: [{ name: 'Team/App' }],
          },
        ],
      }),
    ).toThrow(
      /registries\[0\]\.repositories\[0\]\.name: must satisfy regular expression/,
    );
  });

  it('starts on the given port with a fixture file and accounts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-ecr-'));
    const file = join(dir, 'registry.json');
    writeFileSync(
      file,
      JSON.stringify({
        registries: [
          {
            accountId: '999988887777',
            region: 'eu-west-1',
            repositories: [{ name: 'svc' }],
          },
        ],
      }),
    );
    const lines: string[] = [];
    const api = await runCli(
      ['--port', '0', '--fixture', file, '--account', 'AKIACLI=999988887777'],
      line => lines.push(line),
    );
    try {
      expect(lines[0]).toMatch(
        /^local-ecr-api listening on http:\/\/127\.0\.0\.1:\d+ \(1 repositories seeded\)$/,
      );
      const ecr = new ECRClient({
        endpoint: api!.url,
        region: 'eu-west-1',
        credentials: { accessKeyId: 'AKIACLI', secretAccessKey: 'x' },
      });
      const { repositories } = await ecr.send(
        new DescribeRepositoriesCommand({}),
      );
      expect(repositories?.map(r => r.repositoryName)).toEqual(['svc']);
    } finally {
      await api?.stop();
    }
  });

  test.each([
    [
      ['--port', 'abc'],
      '--port must be a whole number from 0 to 65535, got "abc"',
    ],
    [
      ['--account', 'AKIA'],
      '--account must be ACCESS_KEY_ID=12-digit-account-id, got "AKIA"',
    ],
    [
      ['--default-account', '12'],
      '--default-account must be a 12-digit account id, got "12"',
    ],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('rejects %p', async (argv, message) => {
    await expect(runCli(argv, () => undefined)).rejects.toThrow(message);
  });

  it('prints usage for --help', async () => {
    const lines: string[] = [];
    await expect(
      runCli(['--help'], line => lines.push(line)),
    ).resolves.toBeUndefined();
    expect(lines[0]).toMatch(/^Usage: local-ecr-api/);
  });
});
