import {
  CodeSnippet,
  CopyTextButton,
  EmptyState,
} from '@backstage/core-components';
import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import { pushCommands, tagsAreImmutable } from '../../format';

function explanation(repository: EcrRepositorySummary): string {
  if (!tagsAreImmutable(repository)) {
    return 'Log in to the registry, tag a local image with the repository URI and push it:';
  }
  const exclusions = repository.tagMutability.exclusionFilters;
  const except =
    exclusions.length > 0
      ? ` (except tags matching ${exclusions.join(', ')})`
      : '';
  return `Tags are immutable in this repository${except}: a tag can be pushed once, so push each build under a new tag — a version or, as the golden path does, the commit SHA — never "latest". Log in to the registry, tag a local image and push it:`;
}

/** An empty repository: the commands that push its first image, fit for its tag rules. */
export function EmptyRepository(props: { repository: EcrRepositorySummary }) {
  const { repository } = props;
  const commands = pushCommands(repository);
  return (
    <EmptyState
      missing="data"
      title={`No images in ${repository.name} yet`}
      description={explanation(repository)}
      action={
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
          {/* Plain text: the syntax theme's colours fail WCAG contrast. */}
          <CodeSnippet text={commands} language="text" wrapLongLines />
          <CopyTextButton text={commands} aria-label="Copy push commands" />
        </Box>
      }
    />
  );
}
