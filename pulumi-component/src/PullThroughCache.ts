import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type {
  PullThroughCacheGrantSpec,
  PullThroughCacheUpstream,
  StandardViolation,
} from '@ecr-kit/ecr-standard';
import {
  EcrStandardError,
  PULL_THROUGH_CACHE_SECRET_PREFIX,
  cachePrefix,
  needsUpstreamRole,
  pullThroughCacheRegistryStatement,
  throwIfViolations,
  upstreamEcrRegistry,
  upstreamUrl,
  validatePullThroughCacheGrants,
  validatePullThroughCacheRules,
  validateRegistryPrincipals,
} from '@ecr-kit/ecr-standard';
import type {
  CachedRepositoryTemplate,
  ResolvedTemplate,
} from './creationTemplate';
import { createTemplate, resolveTemplate, roleFor } from './creationTemplate';
import { resolveRegistry } from './Registry';
import type { RegistryReference } from './schemaTypes';
import { CREDENTIALS_HINT, requirePlain } from './schemaTypes';
import { slug } from './slug';
import { upstreamRole } from './upstreamRole';

/**
 * Upstream credentials to store in a new Secrets Manager secret.
 *
 * @public
 */
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

/**
 * One pull-through cache rule.
 *
 * @public
 */
export interface PullThroughCacheRule {
  /** Upstream registry. */
  readonly upstream: PullThroughCacheUpstream;
  /** Namespace of cached repositories, e.g. `docker-hub`. Default: the upstream's name. */
  readonly prefix?: string;
  /** Upstream host; required for `azure` (`<name>.azurecr.io`) and `ecr`. Default: the upstream's. */
  readonly upstreamUrl?: string;
  /** ARN of an existing `ecr-pullthroughcache/…` secret of the registry's account and Region. Default: none. */
  readonly credentialArn?: string;
  /** Credentials to store in a new secret. Default: none. */
  readonly credentials?: PullThroughCacheCredentials;
  /** Upstream repository prefix (`ecr` only). Default: none. */
  readonly upstreamRepositoryPrefix?: string;
  /**
   * IAM role (of the registry's account) that ECR assumes to read an `ecr` upstream. Default:
   * for an upstream in another account, a role is created (trusting
   * `pullthroughcache.ecr.amazonaws.com`); none for one in the same account.
   */
  readonly customRoleArn?: string;
}

/**
 * Who may create cached repositories and import images below one path.
 *
 * @public
 */
export interface PullThroughCacheGrant {
  /** Account IDs or IAM principal ARNs. */
  readonly principals: string[];
  /** A cache namespace or a path inside one, e.g. `ecr-public/docker`. */
  readonly repositories: string;
}

/**
 * What a pull-through cache holds, without the registry it lives in.
 *
 * @public
 */
export interface PullThroughCacheSettings {
  /** Cache rules, one per upstream namespace. */
  readonly rules: PullThroughCacheRule[];
  /**
   * Account IDs or IAM ARNs allowed (through the registry policy) to create cached
   * repositories and import images under every namespace of this cache. Default: none.
   */
  readonly allowedPrincipals?: string[];
  /**
   * Narrower grants: principals allowed under one namespace or a path inside it (e.g. a CI
   * role under `ecr-public/docker` only). Default: none.
   */
  readonly grants?: PullThroughCacheGrant[];
  /** How cached repositories are created. Default: `MUTABLE`, AES256, the standard lifecycle policy. */
  readonly cachedRepositories?: CachedRepositoryTemplate;
  /** Create no `PULL_THROUGH_CACHE` creation templates (ECR's defaults then apply). Default: `false`. */
  readonly skipCreationTemplates?: boolean;
}

/**
 * Arguments of a `PullThroughCache`.
 *
 * @public
 */
export interface PullThroughCacheArgs extends PullThroughCacheSettings {
  /**
   * The registry the cache rules live in: a `Registry` component (TypeScript), or its
   * `accountId` and `region` (then this component owns that registry's singletons).
   */
  readonly registry: RegistryReference;
}

/**
 * Pull-through cache rules with their credentials, a creation template per namespace that
 * gives cached repositories the standard settings (and the role ECR needs to apply them),
 * and registry policy statements scoping who may create and import where.
 *
 * @public
 */
export class PullThroughCache extends pulumi.ComponentResource {
  /** Cache rules by namespace prefix. */
  readonly rules: Record<string, aws.ecr.PullThroughCacheRule>;
  /** Secrets created for credentials, by namespace prefix. */
  readonly secrets: Record<string, aws.secretsmanager.Secret>;
  /** Creation templates by namespace prefix. */
  readonly templates: Record<string, aws.ecr.RepositoryCreationTemplate>;
  /** The role ECR assumes to create cached repositories; absent with `customRoleArn` or no templates. */
  readonly templateRole: aws.iam.Role | undefined;
  /** Namespace prefixes of the rules. */
  readonly prefixes: string[];

  constructor(
    name: string,
    args: PullThroughCacheArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:PullThroughCache', name, {}, opts);
    const subject = `PullThroughCache "${name}"`;
    requirePlain(
      subject,
      args,
      [
        'registry',
        'rules',
        'allowedPrincipals',
        'grants',
        'cachedRepositories',
      ],
      CREDENTIALS_HINT,
    );
    const registry = resolveRegistry(
      subject,
      'registry',
      args.registry,
      this,
      name,
      opts,
    );
    const rules = args.rules ?? [];
    this.prefixes = rules.map(rule => cachePrefix(rule));
    const grants: PullThroughCacheGrantSpec[] = [
      ...(args.allowedPrincipals?.length
        ? this.prefixes.map(prefix => ({
            principals: args.allowedPrincipals!,
            repositories: prefix,
          }))
        : []),
      ...(args.grants ?? []),
    ];
    const violations: StandardViolation[] = [
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
        'rules',
        registry.identity,
      ),
      ...validateRegistryPrincipals(
        args.allowedPrincipals ?? [],
        'allowedPrincipals',
        registry.identity,
      ),
      ...validatePullThroughCacheGrants(
        args.grants ?? [],
        this.prefixes,
        registry.identity,
      ),
    ];
    let template: ResolvedTemplate | undefined;
    if (!args.skipCreationTemplates) {
      try {
        template = resolveTemplate(
          subject,
          args.cachedRepositories ?? {},
          'PULL_THROUGH_CACHE',
          registry,
          'cachedRepositories',
        );
      } catch (error) {
        if (!(error instanceof EcrStandardError)) throw error;
        violations.push(...error.violations);
      }
    }
    throwIfViolations(subject, violations);

    // Every check (claims included) runs before the first resource is created.
    for (const prefix of this.prefixes) {
      registry.claim(
        `pull-through-cache:${prefix}`,
        subject,
        `pull-through cache namespace "${prefix}" of registry ${registry.accountId}/${registry.region}`,
        'use another prefix in one of the components',
      );
      if (template) {
        registry.claim(
          `creation-template:${prefix}`,
          subject,
          `repository creation template "${prefix}" of registry ${registry.accountId}/${registry.region}`,
          'use another prefix, or let only one component create this template',
        );
      }
    }
    const policy =
      grants.length > 0
        ? {
            contribution: {
              owner: subject,
              policyStatements: grants.map(grant =>
                pullThroughCacheRegistryStatement(
                  registry.identity,
                  grant.repositories,
                  grant.principals,
                ),
              ),
            },
          }
        : undefined;
    // Conflicts with other contributors throw here, before this component creates anything.
    if (policy) registry.contribute(policy);

    const childOpts = registry.childOptions(this);
    const role = template
      ? roleFor(template, `${name}-templates`, registry, this)
      : undefined;
    this.templateRole = role?.role;
    this.rules = {};
    this.secrets = {};
    this.templates = {};
    rules.forEach((rule, i) => {
      const prefix = this.prefixes[i];
      const id = `${name}-${slug(prefix)}`;
      const ready: pulumi.Resource[] = [];
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
            // The value lives in the Pulumi config; deleting at once lets a replacement or a
            // new stack create the same name again (a secret scheduled for deletion blocks
            // its name for the whole recovery window).
            recoveryWindowInDays: 0,
            region: registry.region,
          },
          childOpts,
        );
        const version = new aws.secretsmanager.SecretVersion(
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
            region: registry.region,
          },
          childOpts,
        );
        this.secrets[prefix] = secret;
        credentialArn = secret.arn;
        // ECR reads the secret's value when it creates the rule.
        ready.push(version);
      }
      let customRoleArn: pulumi.Input<string> | undefined = rule.customRoleArn;
      const upstream = upstreamEcrRegistry(rule);
      if (
        customRoleArn === undefined &&
        upstream &&
        needsUpstreamRole(rule, registry.identity)
      ) {
        const created = upstreamRole(
          `${id}-upstream`,
          registry,
          upstream,
          this,
        );
        customRoleArn = created.role.arn;
        ready.push(created.policy);
      }
      if (template && role) {
        this.templates[prefix] = createTemplate(
          `${id}-template`,
          template,
          prefix,
          `ecr-kit standard for repositories cached from ${upstreamUrl(rule)}`,
          role,
          registry,
          this,
        );
        // The template exists before the first pull can create a repository.
        ready.push(this.templates[prefix]);
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
          ...(customRoleArn !== undefined ? { customRoleArn } : {}),
          region: registry.region,
        },
        { ...childOpts, dependsOn: ready },
      );
    });
    this.registerOutputs({ prefixes: this.prefixes });
  }
}

/**
 * @deprecated Renamed `PullThroughCacheRule` (the name other languages see); this alias goes in 1.0.
 *
 * @public
 */
export type PullThroughCacheRuleArgs = PullThroughCacheRule;

/**
 * @deprecated Renamed `PullThroughCacheGrant` (the name other languages see); this alias goes in 1.0.
 *
 * @public
 */
export type PullThroughCacheGrantArgs = PullThroughCacheGrant;
