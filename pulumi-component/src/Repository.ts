import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type {
  EncryptionType,
  RepositoryStandardOptions,
} from '@ecr-kit/ecr-standard';
import type {
  RepositoryLifecycleRule,
  RepositoryPolicyStatement,
} from './schemaTypes';
import {
  requirePlain,
  standardLifecycleRules,
  standardPolicyStatements,
} from './schemaTypes';
import {
  CATALOG_ARN_ANNOTATION,
  EcrStandardError,
  REPOSITORY_STANDARD_OPTION_NAMES,
  pickRepositoryStandardOptions,
  repositoryPolicyDocument,
  resolveRepositorySettings,
} from '@ecr-kit/ecr-standard';

/**
 * What `pulumi destroy`, removing the component, or a replacement (a new `name`, another
 * encryption) does to the repository and its children (lifecycle policy, repository policy,
 * created KMS key):
 * - `protect` (default): Pulumi refuses, at preview, with "resource is protected";
 * - `retain`: Pulumi forgets them and leaves them in AWS, images included (`retainOnDelete`,
 *   like AWS CDK's `RemovalPolicy.RETAIN`); a replacement then fails loudly at create, as
 *   the name is still taken;
 * - `delete`: Pulumi deletes them (ECR still refuses a repository that holds images unless
 *   `forceDelete`).
 *
 * @public
 */
export const RepositoryDeletion = {
  /** Pulumi refuses to delete or replace (default). */
  Protect: 'protect',
  /** Pulumi forgets the resources and leaves them in AWS. */
  Retain: 'retain',
  /** Pulumi deletes them (images only with `forceDelete`). */
  Delete: 'delete',
} as const;
/**
 * What destroy, removal or replacement does to a repository (see the const of this name).
 *
 * @public
 */
export type RepositoryDeletion =
  (typeof RepositoryDeletion)[keyof typeof RepositoryDeletion];

/**
 * Arguments of a standardized ECR `Repository`.
 *
 * @public
 */
export interface RepositoryArgs {
  /** Repository name, e.g. `team/service`. Default: the component name. */
  readonly name?: string;
  /** Make every tag mutable (`MUTABLE`). Default: `false` (`IMMUTABLE`). */
  readonly mutableTags?: boolean;
  /**
   * 1–5 WILDCARD filters of tags that stay mutable (e.g. `["latest"]`), turning the
   * repository `IMMUTABLE_WITH_EXCLUSION`. Default: none.
   */
  readonly mutableTagFilters?: string[];
  /** Default: `true`. */
  readonly scanOnPush?: boolean;
  /** Default: `AES256`, or `KMS` when `kmsKeyArn` is given. */
  readonly encryption?: EncryptionType;
  /** KMS key for `KMS` encryption. Default: a key is created (rotation on). */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Lifecycle rules replacing the standard ones. Default: the standard rules. */
  readonly lifecycleRules?: RepositoryLifecycleRule[];
  /** Age in days at which untagged images expire in the standard rules. Default: 14. */
  readonly untaggedExpiryDays?: number;
  /** Images kept by the standard rules. Default: 500. */
  readonly maxImageCount?: number;
  /** Create no lifecycle policy. Default: `false`. */
  readonly skipLifecyclePolicy?: boolean;
  /** Account IDs that may pull. Default: none. */
  readonly pullAccounts?: string[];
  /** Account IDs that may push and pull. Default: none. */
  readonly pushAccounts?: string[];
  /** AWS Organizations IDs whose principals may pull. Default: none. */
  readonly pullOrganizationIds?: string[];
  /** Let AWS Lambda pull images. Default: `false`. */
  readonly lambdaPull?: boolean;
  /** Accounts whose Lambda functions may pull (needs `lambdaPull`). Default: none. */
  readonly lambdaAccounts?: string[];
  /** Extra repository policy statements. Default: none. */
  readonly policyStatements?: RepositoryPolicyStatement[];
  /** Owning catalog entity, e.g. `component:default/payments`; tagged `backstage.io/entity-ref`. Default: none. */
  readonly entityRef?: string;
  /** Extra tags. Default: none. The standard's tags win on conflict. */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Delete the repository even when it holds images. Default: `false`. */
  readonly forceDelete?: boolean;
  /**
   * What destroy, removal or replacement does to the repository, its policies and its key:
   * `protect`, `retain` or `delete` (see `RepositoryDeletion`). Default: `protect`.
   */
  readonly onDelete?: RepositoryDeletion;
  /** Deprecated alias of `onDelete: "delete"`. Default: `false`. */
  readonly allowDestroy?: boolean;
  /** Region of the repository (`@pulumi/aws` v7 per-resource region). Default: the provider's. */
  readonly region?: pulumi.Input<string>;
}

/**
 * A standardized ECR repository: immutable tags, scan on push, encryption, a lifecycle
 * policy, optional repository policy, protected against deletion of its images.
 *
 * @public
 */
export class Repository extends pulumi.ComponentResource {
  /** Repository name. */
  readonly name: pulumi.Output<string>;
  /** ARN of the repository. */
  readonly arn: pulumi.Output<string>;
  /** URL to push and pull, `<account>.dkr.ecr.<region>.<suffix>/<name>`. */
  readonly repositoryUrl: pulumi.Output<string>;
  /** Account ID of the registry holding the repository. */
  readonly registryId: pulumi.Output<string>;
  /** Annotation linking a Backstage entity to this repository: `{ 'aws.amazon.com/amazon-ecr-arn': arn }`. */
  readonly catalogAnnotations: pulumi.Output<Record<string, string>>;
  /** ARN of the KMS key; absent with AES256. */
  readonly kmsKeyArn: pulumi.Output<string> | undefined;
  /** The underlying repository resource. */
  readonly repository: aws.ecr.Repository;
  /** The lifecycle policy; absent with `skipLifecyclePolicy`. */
  readonly lifecyclePolicy: aws.ecr.LifecyclePolicy | undefined;
  /** The repository policy; absent without grants. */
  readonly repositoryPolicy: aws.ecr.RepositoryPolicy | undefined;
  /** The created KMS key; absent with AES256 or a given `kmsKeyArn`. */
  readonly kmsKey: aws.kms.Key | undefined;

  constructor(
    name: string,
    args: RepositoryArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('ecr-kit:index:Repository', name, {}, opts);
    const subject = `Repository "${name}"`;
    // The standard checks its options at construction, so they must be plain values; only
    // the Region may come from another resource.
    requirePlain(
      subject,
      args,
      REPOSITORY_STANDARD_OPTION_NAMES.filter(option => option !== 'region'),
    );
    if (args.encryption === 'AES256' && args.kmsKeyArn !== undefined) {
      throw new EcrStandardError(subject, [
        {
          field: 'kmsKeyArn',
          message: 'a KMS key was given but encryption is AES256',
          fix: 'set encryption to "KMS" or remove kmsKeyArn',
        },
      ]);
    }
    // Every option of the standard passes through as given; the ones below differ in shape.
    const options: RepositoryStandardOptions = {
      ...pickRepositoryStandardOptions(args),
      name: args.name ?? name,
      encryption:
        args.encryption ?? (args.kmsKeyArn !== undefined ? 'KMS' : undefined),
      lifecycleRules: standardLifecycleRules(args.lifecycleRules),
      policyStatements: standardPolicyStatements(args.policyStatements),
      region: typeof args.region === 'string' ? args.region : undefined,
    };
    const settings = resolveRepositorySettings(subject, options);

    if (
      args.allowDestroy &&
      args.onDelete !== undefined &&
      args.onDelete !== 'delete'
    ) {
      throw new EcrStandardError(subject, [
        {
          field: 'allowDestroy',
          message: `allowDestroy contradicts onDelete "${args.onDelete}"`,
          fix: 'remove allowDestroy (it is the deprecated spelling of onDelete: "delete")',
        },
      ]);
    }
    const onDelete: RepositoryDeletion =
      args.onDelete ?? (args.allowDestroy ? 'delete' : 'protect');
    if (!['protect', 'retain', 'delete'].includes(onDelete)) {
      throw new EcrStandardError(subject, [
        {
          field: 'onDelete',
          message: `onDelete "${onDelete}" is not supported`,
          fix: 'use "protect", "retain" or "delete"',
        },
      ]);
    }
    // Data protection: by default the repository cannot be deleted or replaced by Pulumi
    // (protect), and ECR refuses to delete one that holds images (forceDelete false). Its
    // children follow the same choice, so a refused destroy never deletes the policies first.
    const dataOpts: pulumi.CustomResourceOptions =
      onDelete === 'delete'
        ? { parent: this, deleteBeforeReplace: true }
        : onDelete === 'retain'
          ? { parent: this, retainOnDelete: true }
          : { parent: this, protect: true };
    const region = args.region !== undefined ? { region: args.region } : {};
    const tags =
      args.tags === undefined
        ? { ...settings.tags }
        : pulumi
            .output(args.tags)
            .apply(extra => ({ ...extra, ...settings.tags }));

    let kmsKeyArn: pulumi.Input<string> | undefined = args.kmsKeyArn;
    if (settings.encryption === 'KMS' && kmsKeyArn === undefined) {
      this.kmsKey = new aws.kms.Key(
        `${name}-key`,
        {
          description: `Encryption key of the ECR repository ${settings.name}`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          tags,
          ...region,
        },
        dataOpts,
      );
      kmsKeyArn = this.kmsKey.arn;
    }
    this.kmsKeyArn =
      kmsKeyArn === undefined ? undefined : pulumi.output(kmsKeyArn);

    this.repository = new aws.ecr.Repository(
      name,
      {
        name: settings.name,
        imageTagMutability: settings.imageTagMutability,
        ...(settings.exclusionFilters.length > 0
          ? {
              imageTagMutabilityExclusionFilters: settings.exclusionFilters.map(
                f => ({ ...f }),
              ),
            }
          : {}),
        imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
        encryptionConfigurations: [
          settings.encryption === 'KMS'
            ? { encryptionType: 'KMS', kmsKey: kmsKeyArn }
            : { encryptionType: 'AES256' },
        ],
        forceDelete: settings.forceDelete,
        tags,
        ...region,
      },
      dataOpts,
    );

    if (settings.lifecyclePolicy !== undefined) {
      this.lifecyclePolicy = new aws.ecr.LifecyclePolicy(
        `${name}-lifecycle`,
        {
          repository: this.repository.name,
          policy: settings.lifecyclePolicy,
          ...region,
        },
        dataOpts,
      );
    }
    if (settings.policy !== undefined) {
      this.repositoryPolicy = new aws.ecr.RepositoryPolicy(
        `${name}-policy`,
        {
          repository: this.repository.name,
          // The repository's ARN says its partition and Region (validated above already):
          // `arn:aws-us-gov:iam::…:root` in GovCloud, Lambda source ARNs of its Region.
          policy: this.repository.arn.apply(arn => {
            const [, partition, , repositoryRegion] = arn.split(':');
            return JSON.stringify(
              repositoryPolicyDocument(options, {
                partition,
                region: repositoryRegion,
              }),
            );
          }),
          ...region,
        },
        dataOpts,
      );
    }

    this.name = this.repository.name;
    this.arn = this.repository.arn;
    this.repositoryUrl = this.repository.repositoryUrl;
    this.registryId = this.repository.registryId;
    this.catalogAnnotations = this.repository.arn.apply(
      (arn): Record<string, string> => ({
        [CATALOG_ARN_ANNOTATION]: arn,
      }),
    );
    this.registerOutputs({
      name: this.name,
      arn: this.arn,
      repositoryUrl: this.repositoryUrl,
      registryId: this.registryId,
      catalogAnnotations: this.catalogAnnotations,
      kmsKeyArn: this.kmsKeyArn,
    });
  }
}
