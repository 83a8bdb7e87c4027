import { InputError } from '@backstage/errors';
import {
  EcrStandardError,
  pickRepositoryStandardOptions,
  repositoryArn,
  repositoryUri,
  resolveRepositorySettings,
  validateAccountId,
  validateRegion,
  validateTags,
  type StandardViolation,
} from '@ecr-kit/ecr-standard';
import { z } from 'zod/v3';
import type { RepositoryRequest } from '../services/RepositoryProvisioner';
import { inputSchema, type EcrRepositoryInput } from './inputSchema';

/** The id of the action, used in error messages. */
export const ACTION_ID = 'ecr:repository:create';

const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key|alias)\/.+$/;

/**
 * Validates the action input and applies the ecr-kit standard to it. Throws an
 * `InputError` listing every problem with the input field it concerns, before any AWS
 * call is made.
 */
export function resolveRepositoryRequest(input: unknown): RepositoryRequest {
  const parsed = inputSchema(z).safeParse(input);
  if (!parsed.success) {
    throw invalidInput(
      parsed.error.issues.map(issue => ({
        field: fieldPath(issue.path) || 'input',
        message: issue.message,
        fix: 'see the input schema of the action',
      })),
    );
  }
  const options: EcrRepositoryInput = parsed.data;
  const violations: StandardViolation[] = [
    ...validateAccountId(options.accountId, 'accountId'),
    ...validateRegion(options.region, 'region'),
    ...kmsViolations(options),
  ];
  const encryption =
    options.encryption ??
    (options.kmsKeyArn !== undefined ? ('KMS' as const) : undefined);
  let settings;
  try {
    // The inputs of the standard's options pass through (the Region too, for the partition
    // of the policy's ARNs).
    settings = resolveRepositorySettings(ACTION_ID, {
      ...pickRepositoryStandardOptions(options),
      name: options.repositoryName,
      encryption,
    });
  } catch (error) {
    if (!(error instanceof EcrStandardError)) throw error;
    // The standard calls the name `name`; this action calls it `repositoryName`.
    violations.push(
      ...error.violations.map(v =>
        v.field === 'name' ? { ...v, field: 'repositoryName' } : v,
      ),
    );
  }
  const tags = { ...options.tags, ...settings?.tags };
  violations.push(...validateTags(tags));
  if (!settings || violations.length > 0) throw invalidInput(violations);
  return {
    accountId: options.accountId,
    region: options.region,
    settings,
    ...(options.kmsKeyArn !== undefined
      ? { kmsKeyArn: options.kmsKeyArn }
      : {}),
    tags,
  };
}

/** The identifiers ECR will give a repository, for dry runs. */
export function predictIdentifiers(request: RepositoryRequest) {
  const { accountId, region, settings } = request;
  return {
    repositoryName: settings.name,
    repositoryArn: repositoryArn(accountId, region, settings.name),
    repositoryUri: repositoryUri(accountId, region, settings.name),
    registryId: accountId,
  };
}

function invalidInput(violations: readonly StandardViolation[]): InputError {
  return new InputError(
    `Invalid input to ${ACTION_ID}: ${violations
      .map(v => `${v.field}: ${v.message}; ${v.fix}`)
      .join(' | ')}`,
  );
}

function fieldPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${part}` : part;
  }
  return text;
}

function kmsViolations(options: EcrRepositoryInput): StandardViolation[] {
  if (options.kmsKeyArn === undefined) return [];
  if (options.encryption === 'AES256') {
    return [
      {
        field: 'kmsKeyArn',
        message: 'a KMS key was given but encryption is AES256',
        fix: 'set encryption to "KMS" or remove kmsKeyArn',
      },
    ];
  }
  return KMS_KEY_ARN.test(options.kmsKeyArn)
    ? []
    : [
        {
          field: 'kmsKeyArn',
          message: `"${options.kmsKeyArn}" is not a KMS key ARN`,
          fix: 'use the key ARN, e.g. "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"',
        },
      ];
}
