import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  MAX_REPOSITORY_ARN_LENGTH,
  REPOSITORY_ENCRYPTION_TYPES,
  REPOSITORY_SCAN_TYPES,
  SEVERITIES,
  type EcrImage,
  type SeverityCounts,
} from '@ecr-kit/backstage-plugin-ecr-common';
import {
  loadAuthorizedEntity,
  type EntityAccess,
} from '../access/loadAuthorizedEntity';
import { entityRefFromPath } from '../http/entityRefFromPath';
import { IMAGE_DIGEST } from '../http/querySchemas';
import type { EcrService } from '../services/EcrService';

type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** Every action only reads, and the same input always gives the same answer. */
const READ_ONLY = { readOnly: true, idempotent: true, destructive: false };

function entityRefInput(z: Zod) {
  return z
    .string()
    .min(1)
    .max(300)
    .describe(
      'The catalog entity whose repositories to read, e.g. "component:default/payments-api" (kind defaults to component, namespace to default). Only the repositories its ECR annotations name are read.',
    );
}

const REPOSITORY_ARN = "One of the entity's repository ARNs";

/** A repository ARN input; the service checks that the entity's annotations name it. */
function repositoryArnInput(z: Zod) {
  return z.string().max(MAX_REPOSITORY_ARN_LENGTH);
}

function countsSchema(z: Zod) {
  return z
    .object(
      Object.fromEntries(SEVERITIES.map(s => [s, z.number().int()])) as Record<
        (typeof SEVERITIES)[number],
        ReturnType<Zod['number']>
      >,
    )
    .describe('Findings per severity (absent severities are 0)');
}

/** Full severity counts: every severity, 0 where absent. */
function fullCounts(counts: SeverityCounts | undefined) {
  return Object.fromEntries(
    SEVERITIES.map(s => [s, counts?.[s] ?? 0]),
  ) as Record<(typeof SEVERITIES)[number], number>;
}

/**
 * The read-only ECR actions of the actions registry (for AI assistants through MCP and
 * other automation): entity-scoped, run with the caller's credentials behind the same
 * catalog visibility and `ecrReadPermission` as the HTTP routes, served from the same cache.
 */
export function registerEcrActions(options: {
  actionsRegistry: ActionsRegistryService;
  access: EntityAccess;
  ecr: EcrService;
}): void {
  const { actionsRegistry, access, ecr } = options;

  async function entityFor(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    let ref;
    try {
      ref = parseEntityRef(entityRef, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      });
    } catch (error) {
      throw new InputError(`entityRef: ${(error as Error).message}`);
    }
    return loadAuthorizedEntity(
      access,
      entityRefFromPath({ ...ref }),
      credentials,
    );
  }

  actionsRegistry.register({
    name: 'list-ecr-repositories',
    title: 'List the ECR repositories of a catalog entity',
    description:
      "Lists the Amazon ECR repositories a catalog entity's annotations name, with their settings: tag mutability, scanning, encryption, lifecycle and repository policies, image count. Repositories that could not be read are listed under errors.",
    attributes: READ_ONLY,
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          repositories: z.array(
            z.object({
              arn: z.string(),
              name: z.string(),
              uri: z.string().describe('The docker pull URI'),
              accountId: z.string(),
              region: z.string(),
              tagMutability: z.string(),
              scanType: z.enum(REPOSITORY_SCAN_TYPES),
              scanOnPush: z.boolean(),
              encryption: z.enum(REPOSITORY_ENCRYPTION_TYPES),
              lifecyclePolicyPresent: z.boolean(),
              repositoryPolicyPresent: z.boolean(),
              imageCount: z.number().int(),
            }),
          ),
          errors: z.array(z.object({ arn: z.string(), message: z.string() })),
          fetchedAt: z.string().describe('When the data was read from AWS'),
          stale: z
            .boolean()
            .describe('True when AWS failed and this is the last good value'),
        }),
    },
    action: async ({ input, credentials }) => {
      const entity = await entityFor(input.entityRef, credentials);
      const listed = await ecr.listRepositories(entity);
      return {
        output: {
          repositories: listed.repositories.map(r => ({
            arn: r.arn,
            name: r.name,
            uri: r.uri,
            accountId: r.accountId,
            region: r.region,
            tagMutability: r.tagMutability.mode,
            scanType: r.scanning.type,
            scanOnPush: r.scanning.scanOnPush,
            encryption: r.encryption.type,
            lifecyclePolicyPresent: r.lifecyclePolicy.present,
            repositoryPolicyPresent: r.repositoryPolicyPresent,
            imageCount: r.imageCount,
          })),
          errors: listed.errors,
          fetchedAt: listed.freshness.fetchedAt,
          stale: listed.freshness.stale,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-ecr-images',
    title: 'List the newest ECR images of a catalog entity',
    description:
      "Lists the newest images of each of a catalog entity's ECR repositories (or of one of them), newest push first, with their tags and vulnerability scan counts.",
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          repositoryArn: repositoryArnInput(z)
            .optional()
            .describe(
              `${REPOSITORY_ARN}; default: every repository of the entity`,
            ),
          limit: z
            .number()
            .int()
            .min(1)
            .max(50)
            .default(5)
            .describe('Images per repository, newest first (1–50, default 5)'),
        }),
      output: z =>
        z.object({
          repositories: z.array(
            z.object({
              arn: z.string(),
              totalCount: z.number().int(),
              images: z.array(
                z.object({
                  digest: z.string(),
                  tags: z.array(z.string()),
                  pushedAt: z.string().optional(),
                  kind: z.string(),
                  scanState: z.string(),
                  counts: countsSchema(z).optional(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entity = await entityFor(input.entityRef, credentials);
      const arns = input.repositoryArn
        ? [input.repositoryArn]
        : (await ecr.listRepositories(entity)).repositories.map(r => r.arn);
      const repositories = [];
      for (const arn of arns) {
        const listed = await ecr.listImages(entity, arn, {
          page: 1,
          pageSize: input.limit,
          sort: 'pushedAt',
          order: 'desc',
          tagStatus: 'ANY',
        });
        repositories.push({
          arn: listed.repository.arn,
          totalCount: listed.totalCount,
          images: listed.images.map((image: EcrImage) => ({
            digest: image.digest,
            tags: image.tags,
            pushedAt: image.pushedAt,
            kind: image.kind,
            scanState: image.scan?.state ?? 'UNKNOWN',
            ...(image.scan?.counts
              ? { counts: fullCounts(image.scan.counts) }
              : {}),
          })),
        });
      }
      return { output: { repositories } };
    },
  });

  actionsRegistry.register({
    name: 'get-ecr-image-findings',
    title: 'Get the vulnerability findings of an ECR image',
    description:
      "Returns the vulnerability scan findings of one image of one of a catalog entity's ECR repositories, most severe first.",
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          repositoryArn: repositoryArnInput(z).min(1).describe(REPOSITORY_ARN),
          digest: z
            .string()
            .regex(IMAGE_DIGEST.pattern, IMAGE_DIGEST.rule)
            .describe('The image digest, sha256:…'),
          minSeverity: z
            .enum(SEVERITIES)
            .optional()
            .describe('Only findings of this severity or worse'),
          fixableOnly: z
            .boolean()
            .default(false)
            .describe('Only findings with a fixed version'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .default(50)
            .describe('Most findings returned, most severe first (default 50)'),
        }),
      output: z =>
        z.object({
          digest: z.string(),
          scanState: z.string(),
          counts: countsSchema(z).optional(),
          totalFindings: z.number().int(),
          findings: z.array(
            z.object({
              id: z.string(),
              severity: z.enum(SEVERITIES),
              packageName: z.string().optional(),
              installedVersion: z.string().optional(),
              fixedInVersion: z.string().optional(),
              fixAvailable: z.boolean(),
              cvssScore: z.number().optional(),
              title: z.string().optional(),
              referenceUrl: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entity = await entityFor(input.entityRef, credentials);
      const result = await ecr.getFindings(
        entity,
        input.repositoryArn,
        input.digest,
        { minSeverity: input.minSeverity, fixableOnly: input.fixableOnly },
      );
      return {
        output: {
          digest: result.digest,
          scanState: result.scan.state,
          ...(result.scan.counts
            ? { counts: fullCounts(result.scan.counts) }
            : {}),
          totalFindings: result.findings.length,
          findings: result.findings.slice(0, input.limit).map(f => ({
            id: f.id,
            severity: f.severity,
            packageName: f.packageName,
            installedVersion: f.installedVersion,
            fixedInVersion: f.fixedInVersion,
            fixAvailable: f.fixAvailable,
            cvssScore: f.cvssScore,
            title: f.title,
            referenceUrl: f.referenceUrl,
          })),
        },
      };
    },
  });
}
