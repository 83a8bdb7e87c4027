import type {
  EcrCreationTemplateFacts,
  EcrRepositoryFacts,
  PolicyStatement,
} from '@ecr-kit/ecr-standard';

// The properties of raw `aws:ecr/*` resources (the names of @pulumi/aws), read into the
// standard's facts. Values still unknown at preview are `undefined` and judged by ECR's
// defaults only where that is safe; a policy text that is unknown is not judged.

type Props = Record<string, unknown>;

const list = (value: unknown): Props[] =>
  Array.isArray(value) ? (value as Props[]) : [];

/** The facts of an `aws.ecr.Repository`. */
export function repositoryFacts(props: Props): EcrRepositoryFacts {
  const encryption = list(props.encryptionConfigurations)[0];
  const scanning = props.imageScanningConfiguration as Props | undefined;
  return {
    ...(typeof props.imageTagMutability === 'string'
      ? { imageTagMutability: props.imageTagMutability }
      : {}),
    exclusionFilters: list(props.imageTagMutabilityExclusionFilters).map(f =>
      String(f.filter),
    ),
    ...(typeof scanning?.scanOnPush === 'boolean'
      ? { scanOnPush: scanning.scanOnPush }
      : {}),
    ...(typeof encryption?.encryptionType === 'string'
      ? { encryptionType: encryption.encryptionType }
      : {}),
    ...(typeof encryption?.kmsKey === 'string'
      ? { kmsKey: encryption.kmsKey }
      : {}),
    ...(typeof props.forceDelete === 'boolean'
      ? { forceDelete: props.forceDelete }
      : {}),
  };
}

/** The facts of an `aws.ecr.RepositoryCreationTemplate`. */
export function templateFacts(props: Props): EcrCreationTemplateFacts {
  const encryption = list(props.encryptionConfigurations)[0];
  return {
    appliedFor: Array.isArray(props.appliedFors)
      ? props.appliedFors.map(String)
      : [],
    ...(typeof props.imageTagMutability === 'string'
      ? { imageTagMutability: props.imageTagMutability }
      : {}),
    exclusionFilters: list(props.imageTagMutabilityExclusionFilters).map(f =>
      String(f.filter),
    ),
    ...(props.resourceTags && typeof props.resourceTags === 'object'
      ? { resourceTags: props.resourceTags as Record<string, unknown> }
      : {}),
    ...(typeof encryption?.encryptionType === 'string'
      ? { encryptionType: encryption.encryptionType }
      : {}),
    ...(typeof encryption?.kmsKey === 'string'
      ? { kmsKey: encryption.kmsKey }
      : {}),
    ...(typeof props.customRoleArn === 'string' && props.customRoleArn !== ''
      ? { customRoleArn: props.customRoleArn }
      : {}),
  };
}

/**
 * The statements of a policy text (string or object); `undefined` when the text is unknown
 * (at preview) and `'invalid'` when it is no policy document.
 */
export function policyStatements(
  policy: unknown,
): PolicyStatement[] | undefined | 'invalid' {
  if (policy === undefined) return undefined;
  let document: unknown = policy;
  if (typeof policy === 'string') {
    try {
      document = JSON.parse(policy);
    } catch {
      return 'invalid';
    }
  }
  if (!document || typeof document !== 'object') return 'invalid';
  const statement = (document as Props).Statement;
  if (statement === undefined) return [];
  return (
    Array.isArray(statement) ? statement : [statement]
  ) as PolicyStatement[];
}
