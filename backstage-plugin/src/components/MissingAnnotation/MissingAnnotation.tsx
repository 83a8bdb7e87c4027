import { CodeSnippet, EmptyState } from '@backstage/core-components';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
} from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

const EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  annotations:
    # Either name the repositories (comma-separated ARNs) …
    ${ECR_ARN_ANNOTATION}: arn:aws:ecr:eu-west-1:111122223333:repository/payments/api
    # … or select every repository that carries all of these AWS tags:
    # ${ECR_TAGS_ANNOTATION}: service=payments-api,team=payments
spec:
  type: service
  owner: team-payments
  lifecycle: production`;

/** Explains how to link an entity to its ECR repositories. */
export function MissingAnnotation() {
  return (
    <EmptyState
      missing="field"
      title="No ECR repositories linked to this entity"
      description={
        <>
          Add one of the annotations <code>{ECR_ARN_ANNOTATION}</code> or{' '}
          <code>{ECR_TAGS_ANNOTATION}</code> to the entity's catalog-info.yaml.
        </>
      }
      action={
        <Box>
          <Typography variant="body1" gutterBottom>
            catalog-info.yaml
          </Typography>
          <CodeSnippet text={EXAMPLE} language="yaml" showLineNumbers />
        </Box>
      }
    />
  );
}
