import {
  CodeSnippet,
  CopyTextButton,
  EmptyState,
} from '@backstage/core-components';
import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import { pushCommands } from '../../format';

/** An empty repository: the commands that push its first image. */
export function EmptyRepository(props: { repository: EcrRepositorySummary }) {
  const { repository } = props;
  const commands = pushCommands(repository);
  return (
    <EmptyState
      missing="data"
      title={`No images in ${repository.name} yet`}
      description="Log in to the registry, tag a local image with the repository URI and push it:"
      action={
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
          <CodeSnippet text={commands} language="bash" wrapLongLines />
          <CopyTextButton text={commands} aria-label="Copy push commands" />
        </Box>
      }
    />
  );
}
