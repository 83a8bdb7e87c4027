// What the tests on the ECR simulator ask ECR after applying a program.
import {
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-ecr';
import type { SimulatedAws } from '../testing';
import { DR, MAIN } from '../__fixtures__/upstreams';

/** A `docker pull` from {@link MAIN}'s eu-west-1 registry, as the account root or as `accessKeyId`. */
export function pullFromMain(
  sim: SimulatedAws,
  repositoryName: string,
  tag: string,
  accessKeyId?: string,
) {
  return sim.api.simulate.pull({
    accountId: MAIN,
    region: 'eu-west-1',
    repositoryName,
    tag,
    ...(accessKeyId ? { accessKeyId } : {}),
  });
}

/** A repository as DescribeRepositories answers, with its tags as ListTagsForResource does. */
export async function describedRepository(
  sim: SimulatedAws,
  accountId: string,
  region: string,
  name: string,
) {
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
}

/** The lifecycle policy text of a repository of {@link MAIN}'s registry. */
export async function lifecyclePolicyOf(
  sim: SimulatedAws,
  repositoryName: string,
): Promise<string | undefined> {
  const { lifecyclePolicyText } = await sim
    .ecr(MAIN)
    .send(new GetLifecyclePolicyCommand({ repositoryName }));
  return lifecyclePolicyText;
}

/** {@link MAIN}'s registry scanning configuration. */
export async function registryScanningOf(sim: SimulatedAws) {
  const { scanningConfiguration } = await sim
    .ecr(MAIN)
    .send(new GetRegistryScanningConfigurationCommand({}));
  return scanningConfiguration;
}

/** Pushes `payments/api:1.0.0` to {@link MAIN} in `region`; expects it copied to {@link DR} in `drRegion`. */
export function expectPushReplicated(
  sim: SimulatedAws,
  region: string,
  drRegion: string,
): void {
  const pushed = sim.api.simulate.push({
    accountId: MAIN,
    region,
    repositoryName: 'payments/api',
    tag: '1.0.0',
  });
  expect(pushed.replicationStatuses).toEqual([
    { region: drRegion, registryId: DR, status: 'COMPLETE' },
  ]);
}

/**
 * The CI role (`AKIACI`), granted `ecr-public/docker` only, fills the cache there and is
 * refused elsewhere in the `ecr-public` namespace.
 */
export function expectCiCachesOnlyUnderEcrPublicDocker(
  sim: SimulatedAws,
): void {
  expect(
    pullFromMain(sim, 'ecr-public/docker/library/busybox', '1.36', 'AKIACI')
      .repository.repositoryName,
  ).toBe('ecr-public/docker/library/busybox');
  expect(() =>
    pullFromMain(sim, 'ecr-public/nginx/nginx', 'latest', 'AKIACI'),
  ).toThrow(expect.objectContaining({ code: 'AccessDeniedException' }));
}
