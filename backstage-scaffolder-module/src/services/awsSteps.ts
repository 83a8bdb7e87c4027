/** The steps of `ecr:repository:create` in AWS, in words, and the IAM actions each needs. */
export const AWS_STEPS = {
  describe: {
    action: 'describe the repository',
    iamActions: ['ecr:DescribeRepositories'],
  },
  create: {
    action: 'create the repository',
    iamActions: ['ecr:CreateRepository', 'ecr:TagResource'],
  },
  readLifecycle: {
    action: 'read the lifecycle policy',
    iamActions: ['ecr:GetLifecyclePolicy'],
  },
  readPolicy: {
    action: 'read the repository policy',
    iamActions: ['ecr:GetRepositoryPolicy'],
  },
  readTags: {
    action: 'read the repository tags',
    iamActions: ['ecr:ListTagsForResource'],
  },
  putLifecycle: {
    action: 'put the lifecycle policy',
    iamActions: ['ecr:PutLifecyclePolicy'],
  },
  setPolicy: {
    action: 'set the repository policy',
    iamActions: ['ecr:SetRepositoryPolicy'],
  },
  delete: {
    action: 'delete the repository',
    iamActions: ['ecr:DeleteRepository'],
  },
} as const;

export type AwsStep = (typeof AWS_STEPS)[keyof typeof AWS_STEPS];
