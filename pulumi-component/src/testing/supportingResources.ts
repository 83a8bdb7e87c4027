import { formatArn } from '@ecr-kit/ecr-standard';
import type { ResourceHandler } from './ResourceHandler';

/** `<prefix>` + a 26-character unique suffix, as the provider's `namePrefix` does. */
const prefixed = (prefix: string, n: number) =>
  `${prefix}${String(20260101000000 + n).padEnd(26, '0')}`;

/** aws.iam.Role (IAM is global: the partition comes from the provider's Region). */
const role: ResourceHandler = async c => {
  const { inputs } = c;
  const name: string =
    inputs.name ?? prefixed(inputs.namePrefix ?? `${c.name}-`, c.next());
  if (name.length > 64) {
    throw new Error(
      `ValidationError: role name ${name} has ${name.length} characters; IAM takes 64`,
    );
  }
  const arn = formatArn({
    service: 'iam',
    region: '',
    accountId: c.accountId,
    resource: `role/${name}`,
    partition: c.partition,
  });
  try {
    c.iam.createRole(arn, c.accountId, inputs.assumeRolePolicy);
  } catch (error) {
    throw new Error(
      `MalformedPolicyDocument: assumeRolePolicy: ${(error as Error).message}`,
    );
  }
  return {
    id: name,
    outputs: { ...inputs, name, arn, uniqueId: `AROA${c.next()}` },
  };
};

/** aws.iam.RolePolicy: PutRolePolicy on the role the input names. */
const rolePolicy: ResourceHandler = async c => {
  const { inputs } = c;
  const name: string = inputs.name ?? prefixed(`${c.name}-`, c.next());
  c.iam.putRolePolicy(c.accountId, inputs.role, name, inputs.policy);
  return { id: `${inputs.role}:${name}`, outputs: { ...inputs, name } };
};

/** aws.kms.Key: a key the simulator knows (ECR checks a repository's key exists). */
const key: ResourceHandler = async c => {
  const keyId = `00000000-0000-4000-8000-${String(c.next()).padStart(12, '0')}`;
  const arn = formatArn({
    service: 'kms',
    region: c.region,
    accountId: c.accountId,
    resource: `key/${keyId}`,
  });
  c.api.world.resources.putKmsKey(arn);
  return { id: keyId, outputs: { ...c.inputs, arn, keyId, region: c.region } };
};

/**
 * aws.secretsmanager.Secret: exists, but holds no value yet — ECR cannot read it until a
 * SecretVersion stores one (the simulator learns of the secret then).
 */
const secret: ResourceHandler = async c => {
  const name: string = c.inputs.name ?? prefixed(`${c.name}-`, c.next());
  const arn = formatArn({
    service: 'secretsmanager',
    region: c.region,
    accountId: c.accountId,
    resource: `secret:${name}-${String.fromCharCode(65 + (c.next() % 26))}bCdEf`,
  });
  return { id: arn, outputs: { ...c.inputs, name, arn, region: c.region } };
};

/** aws.secretsmanager.SecretVersion: the value ECR reads (accepted by the upstream). */
const secretVersion: ResourceHandler = async c => {
  const secretArn: string = c.inputs.secretId;
  c.api.world.resources.putSecret(secretArn, true);
  return {
    id: `${secretArn}|v${c.next()}`,
    outputs: { ...c.inputs, arn: secretArn, region: c.region },
  };
};

/** IAM, KMS and Secrets Manager resources ecr-kit registers, by type token. */
export const SUPPORTING_RESOURCES: Readonly<Record<string, ResourceHandler>> = {
  'aws:iam/role:Role': role,
  'aws:iam/rolePolicy:RolePolicy': rolePolicy,
  'aws:kms/key:Key': key,
  'aws:secretsmanager/secret:Secret': secret,
  'aws:secretsmanager/secretVersion:SecretVersion': secretVersion,
};
