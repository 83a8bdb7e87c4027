// Benchmark: N standard `Repository` components vs the equivalent raw `aws.ecr` resources
// (repository + lifecycle policy with the same inputs), both constructed under Pulumi
// mocks in the same run. Prints both times and the ratio (goal: ≤ 1.2×).
import * as pulumi from '@pulumi/pulumi';

const COUNT = Number(process.env.BENCH_COUNT ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

pulumi.runtime.setMocks(
  {
    newResource: args => ({
      id: `${args.name}-id`,
      state: {
        ...args.inputs,
        arn: `arn:aws:ecr:eu-west-1:123456789012:repository/${args.inputs.name ?? args.name}`,
        repositoryUrl: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${args.inputs.name ?? args.name}`,
        registryId: '123456789012',
      },
    }),
    call: args => args.inputs,
  },
  'bench',
  'bench',
  false,
);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const aws: typeof import('@pulumi/aws') = require('@pulumi/aws');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Repository }: typeof import('../src') = require('../src');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const standard: typeof import('@ecr-kit/ecr-standard') = require('@ecr-kit/ecr-standard');

// What a hand-written program would paste in: the standard's default policy, built once.
const DEFAULT_LIFECYCLE_POLICY = standard.lifecyclePolicyText(
  'bench',
  standard.defaultLifecycleRules(),
);

const settled = (outputs: pulumi.Output<unknown>[]) =>
  Promise.all(outputs.map(o => new Promise(resolve => o.apply(resolve))));

async function raw(round: number): Promise<number> {
  const start = process.hrtime.bigint();
  const outputs: pulumi.Output<unknown>[] = [];
  for (let i = 0; i < COUNT; i++) {
    const name = `raw-${round}-${i}`;
    const repository = new aws.ecr.Repository(
      name,
      {
        name,
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: 'AES256' }],
        forceDelete: false,
        tags: { 'ecr-kit/standard': 'v1' },
      },
      { protect: true },
    );
    const lifecycle = new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
      repository: repository.name,
      policy: DEFAULT_LIFECYCLE_POLICY,
    });
    outputs.push(repository.arn, repository.repositoryUrl, lifecycle.id);
  }
  await settled(outputs);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function components(round: number): Promise<number> {
  const start = process.hrtime.bigint();
  const outputs: pulumi.Output<unknown>[] = [];
  for (let i = 0; i < COUNT; i++) {
    const repository = new Repository(`std-${round}-${i}`);
    outputs.push(
      repository.arn,
      repository.repositoryUrl,
      repository.lifecyclePolicy!.id,
      repository.urn,
    );
  }
  await settled(outputs);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  await raw(99);
  await components(99);
  const rawTimes: number[] = [];
  const componentTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so neither side always runs on a warmer process.
    if (round % 2 === 0) {
      rawTimes.push(await raw(round));
      componentTimes.push(await components(round));
    } else {
      componentTimes.push(await components(round));
      rawTimes.push(await raw(round));
    }
  }
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rawMs = median(rawTimes);
  const componentMs = median(componentTimes);
  const ratio = componentMs / rawMs;
  if (process.env.BENCH_VERBOSE) console.log({ rawTimes, componentTimes });
  console.log(`${COUNT} repositories, median of ${ROUNDS} rounds under mocks`);
  console.log(`raw aws.ecr resources:        ${rawMs.toFixed(1)} ms`);
  console.log(`ecr-kit Repository components: ${componentMs.toFixed(1)} ms`);
  console.log(`ratio: ${ratio.toFixed(2)}x (goal <= 1.20x)`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
