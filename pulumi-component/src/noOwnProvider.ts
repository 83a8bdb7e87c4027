import type * as pulumi from '@pulumi/pulumi';
import { EcrStandardError } from '@ecr-kit/ecr-standard';

/**
 * Contributors create their resources with their Registry's provider: a provider of their
 * own could point at another account or Region than the registry they contribute to.
 */
export function noOwnProvider(
  subject: string,
  opts: pulumi.ComponentResourceOptions | undefined,
): void {
  // The provider host passes an empty `providers` map to every construct.
  const providers =
    opts?.providers === undefined ? 0 : Object.keys(opts.providers).length;
  if (opts?.provider !== undefined || providers > 0) {
    throw new EcrStandardError(subject, [
      {
        field:
          opts?.provider !== undefined ? 'opts.provider' : 'opts.providers',
        message:
          "the resources of this component live in its Registry and use the Registry's provider",
        fix: 'give the provider to the Registry (new Registry(name, args, { provider })) and remove it here',
      },
    ]);
  }
}
