import { ECRClient } from '@aws-sdk/client-ecr';
import { parseRepositoryArn } from '@ecr-kit/backstage-plugin-ecr-common';
import type { LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { ARNS, MAIN } from '../../__fixtures__/registry';
import { startFixtureApi } from '../../__testUtils__/fixtureApi';
import { SECRET } from '../../__testUtils__/testBackend';
import { listImageInventory } from './listImageInventory';

jest.setTimeout(30_000);
let api: LocalEcrApi;
let ecr: ECRClient;
const arn = parseRepositoryArn(ARNS.big);

beforeAll(async () => {
  api = await startFixtureApi();
  ecr = new ECRClient({
    endpoint: api.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAMAINACCOUNT', secretAccessKey: SECRET },
  });
});
afterAll(async () => {
  ecr.destroy();
  await api.stop();
});
beforeEach(() => api.resetRequestCounts());

const stored = () => [
  ...api.store
    .get(MAIN, 'eu-west-1')
    .repositories.get('team/big')!
    .images.values(),
];

describe('listImageInventory', () => {
  it('lists every image once, archived included, and the platforms of every active index', async () => {
    const inventory = await listImageInventory(ecr, arn);
    const all = stored();
    expect(inventory.images.map(i => i.digest).sort()).toEqual(
      all.map(i => i.imageDigest).sort(),
    );
    const active = all.filter(i => i.manifests && i.imageStatus === 'ACTIVE');
    expect(Object.keys(inventory.indexChildren).sort()).toEqual(
      active.map(i => i.imageDigest).sort(),
    );
    for (const index of active) {
      expect(
        inventory.indexChildren[index.imageDigest].map(c => c.digest),
      ).toEqual(index.manifests!.map(m => m.digest));
    }
    expect(api.requestCount('BatchGetImage')).toBe(
      Math.ceil(active.length / 100),
    );
  });

  it('reads on a refresh only the index manifests it has not seen', async () => {
    const first = await listImageInventory(ecr, arn);
    const pushed = api.simulate.push({
      accountId: MAIN,
      region: 'eu-west-1',
      repositoryName: 'team/big',
      tag: 'multi-1',
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    api.resetRequestCounts();
    const second = await listImageInventory(ecr, arn, {
      known: first.indexChildren,
    });
    expect(api.requestCount('BatchGetImage')).toBe(1);
    expect(
      second.indexChildren[pushed.imageDigest].map(c => c.platform),
    ).toEqual(['linux/amd64', 'linux/arm64']);
    expect(second.images).toHaveLength(first.images.length + 3);
  });

  it('fails as a whole when a page fails, leaving no call running', async () => {
    api.faults.add({ operation: 'BatchGetImage', accessDenied: true });
    try {
      await expect(listImageInventory(ecr, arn)).rejects.toMatchObject({
        name: 'AccessDeniedException',
      });
    } finally {
      api.faults.clear();
    }
  });
});
