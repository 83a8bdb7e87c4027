import { ECRClient } from '@aws-sdk/client-ecr';
import * as pulumi from '@pulumi/pulumi';
import { partitionOf } from '@ecr-kit/ecr-standard';
import { startLocalEcrApi } from '@ecr-kit/local-ecr-api';
import { resetRegistryClaims } from '../registryClaims';
import { ProviderTable } from './ProviderTable';
import { ReadyQueue } from './ReadyQueue';
import type { ResourceHandler } from './ResourceHandler';
import { ECR_RESOURCES } from './ecrResources';
import { SimulatedIam } from './SimulatedIam';
import { SUPPORTING_RESOURCES } from './supportingResources';
import type {
  AppliedResource,
  ResourceFailure,
  SimulatedAws,
  SimulatedAwsOptions,
  UpResult,
} from './types';

const HANDLERS: Readonly<Record<string, ResourceHandler>> = {
  ...ECR_RESOURCES,
  ...SUPPORTING_RESOURCES,
};

const accessKey = (accountId: string) => `AKIASIM${accountId}`;

/**
 * Starts the ECR simulator (`@ecr-kit/local-ecr-api`) and returns a harness that applies a
 * Pulumi program to it: under `pulumi.runtime.setMocks`, every resource the program registers
 * is created with the ECR API calls the AWS provider makes for it (e.g. CreateRepository,
 * then DescribeRepositories and ListTagsForResource), with the real AWS SDK, and its outputs
 * come from the responses. When ECR refuses, the resource fails as in `pulumi up` and its
 * dependents are never created. This is the closest stand-in for `pulumi up` without the
 * Pulumi CLI and an AWS account.
 *
 * @public
 */
export async function startSimulatedAws(
  options: SimulatedAwsOptions,
): Promise<SimulatedAws> {
  const region = options.region ?? 'eu-west-1';
  const accounts = [...options.accounts];
  const api = await startLocalEcrApi({
    fixture: options.fixture,
    accounts: Object.fromEntries(accounts.map(a => [accessKey(a), a])),
    ...(options.now ? { now: options.now } : {}),
  });
  for (const arn of options.secrets ?? []) api.world.resources.putSecret(arn);
  for (const arn of options.kmsKeys ?? []) api.world.resources.putKmsKey(arn);
  const clients = new Map<string, ECRClient>();
  const ecr = (accountId: string, inRegion = region) => {
    const key = `${accountId}/${inRegion}`;
    let client = clients.get(key);
    if (!client) {
      if (!accounts.includes(accountId)) {
        throw new Error(
          `account ${accountId} is not one of the harness's accounts (${accounts.join(', ')}); list it in accounts`,
        );
      }
      client = new ECRClient({
        endpoint: api.url,
        region: inRegion,
        credentials: {
          accessKeyId: accessKey(accountId),
          secretAccessKey: 'simulated',
        },
        // A refusal is final: `pulumi up` reports it, the harness does too.
        maxAttempts: 1,
      });
      clients.set(key, client);
    }
    return client;
  };

  async function up(program: () => unknown): Promise<UpResult> {
    resetRegistryClaims();
    const providers = new ProviderTable({ accountId: accounts[0], region });
    const iam = new SimulatedIam();
    for (const arn of options.roles ?? []) iam.declare(arn);
    const queue = new ReadyQueue();
    const resources: AppliedResource[] = [];
    const failures: ResourceFailure[] = [];
    let serial = 0;
    const next = () => ++serial;

    const onRejection = (reason: unknown) => {
      const message = reason instanceof Error ? reason.message : String(reason);
      // Pulumi rejects every output of a failed resource; the failure is recorded already.
      if (/failed to register new resource/.test(message)) return;
      if (!failures.some(f => f.error === message)) {
        failures.push({ type: '(program)', name: '(program)', error: message });
      }
    };
    // A program that throws while it runs (inside an apply) makes the Pulumi SDK reject
    // outputs nobody awaits; `pulumi up` reports that as the program's failure, and so does
    // the harness, in `failures`. Under Jest the real process is only reachable through the
    // test environment `src/__testUtils__/simulatorEnvironment.cjs` provides.
    const real =
      (globalThis as { __ecrKitRealProcess?: NodeJS.Process })
        .__ecrKitRealProcess ?? process;
    const runnerListeners = real.listeners('unhandledRejection');
    real.removeAllListeners('unhandledRejection');
    real.on('unhandledRejection', onRejection);

    pulumi.runtime.setAllConfig({ ...(options.config ?? {}) }, [
      ...(options.secretConfigKeys ?? []),
    ]);
    pulumi.runtime.setMocks(
      {
        newResource: async args => {
          if (args.custom === false) {
            return { id: `${args.name}-id`, state: {} };
          }
          if (args.type === 'pulumi:providers:aws') {
            const id = `${args.name}-id`;
            providers.add(id, args.inputs);
            return { id, state: args.inputs };
          }
          const outcome = await queue.run(async () => {
            const handler = HANDLERS[args.type];
            const target = providers.target(args.provider);
            const resourceRegion =
              typeof args.inputs.region === 'string'
                ? args.inputs.region
                : target.region;
            try {
              if (!handler) {
                throw new Error(
                  `the harness does not know the API calls the AWS provider makes for ${args.type}; add a handler`,
                );
              }
              const created = await handler({
                name: args.name,
                inputs: args.inputs,
                accountId: target.accountId,
                region: resourceRegion,
                partition: partitionOf(resourceRegion).id,
                ecr: ecr(target.accountId, resourceRegion),
                api,
                iam,
                next,
              });
              resources.push({
                type: args.type,
                name: args.name,
                inputs: args.inputs,
                outputs: created.outputs,
                accountId: target.accountId,
                region: resourceRegion,
              });
              return { id: created.id, state: created.outputs };
            } catch (error) {
              failures.push({
                type: args.type,
                name: args.name,
                error: (error as Error).message,
              });
              return undefined;
            }
          });
          // `pulumi up` stops at a refused resource: its dependents are never created. The
          // harness leaves it pending for good rather than rejecting, which would reject
          // every output of it that nobody awaits.
          return outcome ?? new Promise<never>(() => undefined);
        },
        call: async args => {
          const target = providers.target(args.provider);
          switch (args.token) {
            case 'aws:index/getCallerIdentity:getCallerIdentity':
              return {
                accountId: target.accountId,
                arn: `arn:${partitionOf(target.region).id}:iam::${target.accountId}:root`,
                userId: target.accountId,
                id: target.accountId,
              };
            case 'aws:index/getPartition:getPartition':
              return {
                partition: partitionOf(target.region).id,
                dnsSuffix: partitionOf(target.region).dnsSuffix,
                id: partitionOf(target.region).id,
              };
            case 'aws:index/getRegion:getRegion':
              return {
                name: target.region,
                region: target.region,
                id: target.region,
              };
            default:
              throw new Error(
                `the harness does not answer the invoke ${args.token}; add it`,
              );
          }
        },
      },
      options.project ?? 'ecr-kit',
      'simulated',
      false,
    );
    try {
      await program();
      await queue.idle();
    } finally {
      // Late rejections of failed resources' outputs arrive after idle: keep listening a
      // little, then stop.
      await new Promise(resolve => setTimeout(resolve, 20));
      real.off('unhandledRejection', onRejection);
      for (const listener of runnerListeners) {
        real.on('unhandledRejection', listener);
      }
    }
    return { resources, failures };
  }

  return {
    api,
    ecr,
    up,
    stop: async () => {
      for (const client of clients.values()) client.destroy();
      await api.stop();
    },
  };
}
