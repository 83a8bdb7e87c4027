import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type {
  PullThroughCacheUpstream,
  RegistryContribution,
  RegistryIdentity,
} from '@ecr-kit/ecr-standard';
import {
  PULL_THROUGH_CACHE_SECRET_PREFIX,
  cachePrefix,
  pullThroughCacheRegistryStatement,
  registryKey,
  throwIfViolations,
  upstreamUrl,
  validateAccountId,
  validatePullThroughCacheRules,
  validateRegistryIdentity,
} from '@ecr-kit/ecr-standard';
import type { CreationTemplateArgs } from './creationTemplate';
import { creationTemplateInputs } from './creationTemplate';
import { claimRegistryScoped } from './registryClaims';
import type {
  RegistryContributor,
  TargetedContribution,
} from './RegistryContributor';
import { slug } from './slug';

/** Upstream credentials to store in a new Secrets Manager secret. */
export interface PullThroughCacheCredentials {
  /** Upstream user name. */
  readonly username: pulumi.Input<string>;
  /** Upstream access token or password (kept secret). */
  readonly accessToken: pulumi.Input<string>;
  /** Secret name; must start with `ecr-pullthroughcache/`. Default: `ecr-pullthroughcache/<prefix>`. */
  readonly secretName?: string;
  /** KMS key of the secret. Default: the account's `aws/secretsmanager` key. */
  readonly kmsKeyId?: pulumi.Input<string>;
}

/** One pull-through cache rule. */
export interface PullThroughCacheRuleArgs {
  /** Upstream registry. */
  readonly upstream: PullThroughCacheUpstream;
  /** Namespace of cached repositories, e.g. `docker-hub`. Default: the upstream's name. */
  readonly prefix?: string;
  /** Upstream host; required for `azure` (`<name>.azurecr.io`) and `ecr`. Default: the upstream's. */
  readonly upstreamUrl?: string;
  /** ARN of an existing `ecr-pullthroughcache/…` secret. Default: none. */
  readonly credentialArn?: string;
  /** Credentials to store in a new secret. Default: none. */
  readonly credentials?: PullThroughCacheCredentials;
  /** Upstream repository prefix (`ecr` only). Default: none. */
  readonly upstreamRepositoryPrefix?: string;
  /** IAM role ECR assumes for an `ecr` upstream. Default: none. */
  readonly customRoleArn?: string;
}

/** Arguments of a {@link PullThroughCache}. */
export interface PullThroughCacheArgs {
  /** The registry the cache rules live in. */
  readonly registry: RegistryIdentity;
  /** Cache rules, one per upstream namespace. */
  readonly rules: PullThroughCacheRuleArgs[];
  /**
   * Account IDs or IAM ARNs allowed (through the registry policy) to create cached
   * repositories and import images, each only under the rules' namespaces. Default:
   * none (no registry policy statements; same-account IAM still applies).
   */
  readonly allowedPrincipals?: string[];
  /** How cached repositories are created. Default: the standard (immutable, AES256, lifecycle). */
  readonly cachedRepositories?: CreationTemplateArgs;
  /** Create no `PULL_THROUGH_CACHE` creation templates. Default: `false`. */
  readonly skipCreationTemplates?: boolean;
}

/**
 * Pull-through cache rules with their credentials, a creation template per namespace that
 * gives cached repositories the standard settings, and (through a `Registry`) registry
 * policy statements scoping who may create and import under which namespace.
 */
export class PullThroughCache
  extends pulumi.ComponentResource
  implements RegistryContributor
{
  /** Cache rules by namespace prefix. */
  readonly rules: Record<string, aws.ecr.PullThroughCacheRule>;
  /** Secrets created for credentials, by namespace prefix. */
  readonly secrets: Record<string, aws.secretsmanager.Secret>;
  /** Creation templates by namespace prefix. */
  readonly templates: Record<string, aws.ecr.RepositoryCreationTemplate>;
  /** Namespace prefixes of the rules. */
  readonly prefixes: string[];
  private readonly contributions: TargetedContribution[];

  constructor(
    name: string,
    args: PullThroughCacheArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:PullThroughCache', name, {}, opts);
    const subject = `PullThroughCache "${name}"`;
    const rules = args.rules ?? [];
    throwIfViolations(subject, [
      ...validateRegistryIdentity(args.registry, 'registry'),
      ...validatePullThroughCacheRules(
        rules.map(rule => ({
          upstream: rule.upstream,
          prefix: rule.prefix,
          upstreamUrl: rule.upstreamUrl,
          credentialArn: rule.credentialArn,
          createsCredential: rule.credentials !== undefined,
          secretName: rule.credentials?.secretName,
          upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix,
          customRoleArn: rule.customRoleArn,
        })),
      ),
      ...(args.allowedPrincipals ?? []).flatMap((p, i) =>
        p.startsWith('arn:')
          ? []
          : validateAccountId(p, `allowedPrincipals[${i}]`),
      ),
    ]);
    const key = registryKey(args.registry);
    const region = args.registry.region;

    // Every check (templates, claims) runs before the first resource is created.
    this.prefixes = rules.map(rule => cachePrefix(rule));
    const templateInputs = rules.map(rule =>
      args.skipCreationTemplates
        ? undefined
        : creationTemplateInputs(
            subject,
            args.cachedRepositories ?? {},
            cachePrefix(rule),
            'PULL_THROUGH_CACHE',
            `ecr-kit standard for repositories cached from ${upstreamUrl(rule)}`,
            region,
          ),
    );
    for (const prefix of this.prefixes) {
      claimRegistryScoped(
        `pull-through-cache:${key}:${prefix}`,
        subject,
        `pull-through cache namespace "${prefix}" of registry ${key}`,
        'use another prefix in one of the components',
      );
      if (!args.skipCreationTemplates) {
        claimRegistryScoped(
          `creation-template:${key}:${prefix}`,
          subject,
          `repository creation template "${prefix}" of registry ${key}`,
          'use another prefix, or let only one component create this template',
        );
      }
    }

    this.rules = {};
    this.secrets = {};
    this.templates = {};
    rules.forEach((rule, i) => {
      const prefix = this.prefixes[i];
      const id = `${name}-${slug(prefix)}`;
      let credentialArn: pulumi.Input<string> | undefined = rule.credentialArn;
      if (rule.credentials !== undefined) {
        const secret = new aws.secretsmanager.Secret(
          `${id}-credentials`,
          {
            name:
              rule.credentials.secretName ??
              `${PULL_THROUGH_CACHE_SECRET_PREFIX}${prefix}`,
            description: `Upstream credentials of the ECR pull-through cache rule "${prefix}"`,
            ...(rule.credentials.kmsKeyId !== undefined
              ? { kmsKeyId: rule.credentials.kmsKeyId }
              : {}),
            region,
          },
          { parent: this },
        );
        new aws.secretsmanager.SecretVersion(
          `${id}-credentials`,
          {
            secretId: secret.id,
            secretString: pulumi.secret(
              pulumi
                .all([rule.credentials.username, rule.credentials.accessToken])
                .apply(([username, accessToken]) =>
                  JSON.stringify({ username, accessToken }),
                ),
            ),
            region,
          },
          { parent: this },
        );
        this.secrets[prefix] = secret;
        credentialArn = secret.arn;
      }

      this.rules[prefix] = new aws.ecr.PullThroughCacheRule(
        id,
        {
          ecrRepositoryPrefix: prefix,
          upstreamRegistryUrl: upstreamUrl(rule),
          ...(credentialArn !== undefined ? { credentialArn } : {}),
          ...(rule.upstreamRepositoryPrefix !== undefined
            ? { upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix }
            : {}),
          ...(rule.customRoleArn !== undefined
            ? { customRoleArn: rule.customRoleArn }
            : {}),
          region,
        },
        { parent: this },
      );
      const template = templateInputs[i];
      if (template !== undefined) {
        this.templates[prefix] = new aws.ecr.RepositoryCreationTemplate(
          `${id}-template`,
          template,
          { parent: this },
        );
      }
    });

    const principals = args.allowedPrincipals ?? [];
    const contribution: RegistryContribution = {
      owner: subject,
      policyStatements:
        principals.length > 0
          ? this.prefixes.map(prefix =>
              pullThroughCacheRegistryStatement(
                args.registry,
                prefix,
                principals,
              ),
            )
          : [],
    };
    this.contributions = [{ registry: args.registry, contribution }];
    this.registerOutputs({ prefixes: this.prefixes });
  }

  registryContributions(): readonly TargetedContribution[] {
    return this.contributions;
  }
}
