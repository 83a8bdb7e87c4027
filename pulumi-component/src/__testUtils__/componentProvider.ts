import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { ComponentProvider } from '@pulumi/pulumi/provider/experimental';
import {
  PullThroughCache,
  Registry,
  RegistryScanning,
  Replication,
  Repository,
} from '../index';

/** The component package folder (PulumiPlugin.yaml, its package.json and entry point). */
export const PACKAGE_DIR = path.join(__dirname, '..', '..', 'provider');

/** The committed schema snapshot. */
export const SCHEMA_FILE = path.join(PACKAGE_DIR, 'schema.json');

/** Component classes by name, as `pulumi package add` hosts them (see provider/index.ts). */
export const COMPONENTS = {
  Repository,
  Registry,
  PullThroughCache,
  Replication,
  RegistryScanning,
};

/**
 * The provider Pulumi's Node.js plugin host builds for this package: name from
 * provider/package.json ("ecr-kit"), the components its entry point exports.
 */
export function componentProvider(): ComponentProvider {
  return new ComponentProvider({
    name: 'ecr-kit',
    dirname: PACKAGE_DIR,
    components: Object.values(COMPONENTS),
  });
}

// The provider host's own helpers: inputs are decoded by its `deserializeInputs` (secrets and
// values with dependencies become Outputs there), and it answers the engine only once
// `waitForRPCs` resolves. Neither is public API, so they are loaded from the SDK's files.
const sdkDir = path.dirname(require.resolve('@pulumi/pulumi/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require(path.join(sdkDir, 'provider', 'server.js')) as {
  deserializeInputs(
    struct: unknown,
    deps: Map<string, unknown>,
  ): Promise<pulumi.Inputs>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require(path.join(sdkDir, 'runtime', 'settings.js')) as {
  waitForRPCs(): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Struct } = require(
  require.resolve('google-protobuf/google/protobuf/struct_pb', {
    paths: [sdkDir],
  }),
) as { Struct: { fromJavaScript(value: unknown): unknown } };

/** Waits for every registration the program started, as the provider host does. */
export const waitForRegistrations = (): Promise<void> => settings.waitForRPCs();

/**
 * Constructs `type` as a Python or Go program reaches it: the inputs are serialized as the
 * engine sends them, decoded by the provider host, and handed to the provider's `construct`
 * with the options the host builds (an empty `providers` map included).
 */
export async function constructThroughProvider(
  provider: ComponentProvider,
  type: string,
  name: string,
  inputs: pulumi.Inputs,
): Promise<pulumi.provider.ConstructResult> {
  const serialized = await pulumi.runtime.serializeProperties(
    `construct(${type}, ${name})`,
    inputs,
    { keepOutputValues: false },
  );
  const decoded = await server.deserializeInputs(
    Struct.fromJavaScript(serialized),
    new Map(),
  );
  const result = await provider.construct(name, type, decoded, {
    aliases: [],
    dependsOn: [],
    protect: false,
    providers: {},
    ignoreChanges: [],
    replaceOnChanges: [],
    retainOnDelete: false,
  });
  await waitForRegistrations();
  return result;
}
