import type { EnforcementLevel } from '@pulumi/policy';

/**
 * Pulumi type tokens of the ECR resources the pack looks at.
 *
 * @public
 */
export const ECR_TYPES = {
  repository: 'aws:ecr/repository:Repository',
  lifecyclePolicy: 'aws:ecr/lifecyclePolicy:LifecyclePolicy',
  repositoryPolicy: 'aws:ecr/repositoryPolicy:RepositoryPolicy',
  registryPolicy: 'aws:ecr/registryPolicy:RegistryPolicy',
  registryScanningConfiguration:
    'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration',
  repositoryCreationTemplate:
    'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
} as const;

/**
 * Names of the pack's policies (the keys of `--policy-pack-config`).
 *
 * @public
 */
export const POLICY_NAMES = {
  tagImmutability: 'ecr-tag-immutability',
  scanOnPush: 'ecr-scan-on-push',
  encryption: 'ecr-encryption',
  lifecyclePolicy: 'ecr-lifecycle-policy',
  noPublicPrincipal: 'ecr-no-public-principal',
  forceDelete: 'ecr-force-delete-off',
  templateRole: 'ecr-creation-template-role',
  cachedMutability: 'ecr-pull-through-cache-mutable',
} as const;

/**
 * Options of {@link ecrPolicies}.
 *
 * @public
 */
export interface EcrPolicyOptions {
  /**
   * Enforcement level of every policy; each can be changed per stack with
   * `--policy-pack-config` (`{ "ecr-encryption": "advisory" }`). Default: `mandatory`.
   */
  readonly enforcementLevel?: EnforcementLevel;
}

/**
 * Configuration every policy takes.
 *
 * @public
 */
export interface ExceptionConfig {
  /**
   * Resources the policy skips: logical names, URNs, ECR repository names or template
   * prefixes; `*` matches any characters (`legacy/*`). Default: none.
   */
  readonly exceptions?: string[];
}
