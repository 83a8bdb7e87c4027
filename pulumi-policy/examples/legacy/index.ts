// A repository as many stacks write it: ECR's defaults (mutable tags, no scan on push, no
// lifecycle policy) and forceDelete. `pulumi preview --policy-pack ../..` reports each
// setting with its field and fix (see src/example.test.ts for the exact messages).
import * as aws from '@pulumi/aws';

export const legacy = new aws.ecr.Repository('legacy', {
  name: 'team/legacy-api',
  forceDelete: true,
});

// Its policy lets anyone pull.
new aws.ecr.RepositoryPolicy('legacy-policy', {
  repository: legacy.name,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'public pull',
        Effect: 'Allow',
        Principal: '*',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      },
    ],
  }),
});
