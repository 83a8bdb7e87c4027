import * as pulumi from '@pulumi/pulumi';
import { resetRegistryClaims } from '../registryClaims';

/** A resource the program created, as the mock engine saw it. */
export interface CreatedResource {
  readonly type: string;
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly inputs: any;
  readonly provider?: string;
}

/** Every custom resource (and provider) created since the last {@link reset}. */
export const created: CreatedResource[] = [];
/** Every component resource created since the last {@link reset}. */
export const components: CreatedResource[] = [];
/** Account of each provider by name (`sts:GetCallerIdentity` under mocks); default 111111111111. */
export const providerAccounts: Record<string, string> = {
  dr: '222222222222',
  disaster: '222222222222',
};

pulumi.runtime.setMocks(
  {
    newResource: args => {
      (args.custom === false ? components : created).push({
        type: args.type,
        name: args.name,
        inputs: args.inputs,
        provider: args.provider,
      });
      const name = args.inputs.name ?? args.name;
      const arnService = args.type.startsWith('aws:kms')
        ? 'kms'
        : args.type.startsWith('aws:secretsmanager')
          ? 'secretsmanager'
          : 'ecr';
      return {
        id: `${args.name}-id`,
        state: {
          ...args.inputs,
          arn: `arn:aws:${arnService}:eu-west-1:111111111111:${arnService === 'ecr' ? 'repository' : arnService === 'kms' ? 'key' : 'secret'}/${name}`,
          ...(args.type === 'aws:ecr/repository:Repository'
            ? {
                repositoryUrl: `111111111111.dkr.ecr.eu-west-1.amazonaws.com/${name}`,
                registryId: '111111111111',
              }
            : {}),
        },
      };
    },
    call: args => {
      if (args.token === 'aws:index/getCallerIdentity:getCallerIdentity') {
        const provider = args.provider?.split('::').slice(-2)[0] ?? '';
        return { accountId: providerAccounts[provider] ?? '111111111111' };
      }
      return args.inputs;
    },
  },
  'ecr-kit',
  'test',
  false,
);

/** Forgets created resources and registry claims. */
export function reset(): void {
  created.length = 0;
  components.length = 0;
  resetRegistryClaims();
}

/** The value of an output. */
export const value = <T>(output: pulumi.Output<T>): Promise<T> =>
  new Promise<T>(resolve => output.apply(resolve));

/** Waits until `resources` and all their descendants are registered. */
export async function settled(...resources: pulumi.Resource[]): Promise<void> {
  const all: pulumi.Resource[] = [];
  const visit = (r: pulumi.Resource) => {
    all.push(r);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    for (const child of ((r as any).__childResources as
      Set<pulumi.Resource> | undefined) ?? [])
      visit(child);
  };
  resources.forEach(visit);
  await Promise.all(all.map(r => value(r.urn)));
}

/** Created resources of one type token. */
export const ofType = (type: string): CreatedResource[] =>
  created.filter(r => r.type === type);

/** The single created resource of one type token. */
export function one(type: string): CreatedResource {
  const found = ofType(type);
  if (found.length !== 1)
    throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** Whether `resource` was registered protected. */
export const isProtected = (resource: pulumi.Resource): boolean =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (resource as any).__protect === true;
