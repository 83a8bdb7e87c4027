// The policy pack `pulumi preview --policy-pack <this folder>` runs (package.json `main`).
import { PolicyPack } from '@pulumi/policy';
import { ecrPolicies } from './policies';

new PolicyPack('ecr-kit', {
  description:
    'The ecr-kit standard for every Amazon ECR resource of a stack, whoever created it.',
  enforcementLevel: 'mandatory',
  policies: ecrPolicies(),
});
