/** What the backend does in AWS, in words, and the IAM actions each step needs. */
export const AWS_STEPS = {
  listImages: {
    action: 'list images',
    iamActions: ['ecr:DescribeImages', 'ecr:BatchGetImage'],
  },
  describeRepository: {
    action: 'describe the repository',
    iamActions: [
      'ecr:DescribeRepositories',
      'ecr:GetLifecyclePolicy',
      'ecr:GetRepositoryPolicy',
    ],
  },
  readScan: {
    action: 'read scan results',
    iamActions: ['ecr:DescribeImageScanFindings'],
  },
  readFindings: {
    action: 'read scan findings',
    iamActions: ['ecr:DescribeImageScanFindings'],
  },
  readSeverities: {
    action: 'read the severity counts of enhanced scanning',
    iamActions: ['inspector2:ListFindingAggregations'],
  },
  findByTags: {
    action: 'find repositories by tag',
    iamActions: ['tag:GetResources'],
  },
} as const;

export type AwsStep = (typeof AWS_STEPS)[keyof typeof AWS_STEPS];
