import { invalidParameterAt } from '../EcrApiError';

/** An IAM role ARN in any partition, path included (IAM identifiers: role names and paths). */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * `customRoleArn` of a pull-through-cache rule or creation template must name an IAM role;
 * the model only bounds its length. An empty value clears it where the API allows that.
 */
export function checkRoleArn(value: string | undefined): void {
  if (value === undefined || value === '' || ROLE_ARN.test(value)) return;
  throw invalidParameterAt(
    'customRoleArn',
    `'${value}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`,
  );
}
