import { CopyTextButton, Link } from '@backstage/core-components';
import type { EcrImage } from '@ecr-kit/backstage-plugin-ecr-common';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import {
  artifactKindLabel,
  formatBytes,
  imageId,
  pullByDigest,
} from '../../format';
import { imageName } from './imageName';

/**
 * The artifact kind, with what belongs to the image: the platforms of a multi-arch index
 * (expandable) and the signatures, SBOMs and attestations that refer to it.
 */
export function ImageArtifacts(props: {
  image: EcrImage;
  uri: string;
  findingsLink: (digest: string) => string;
}) {
  const { image, uri, findingsLink } = props;
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const { children, referrers } = image;
  return (
    <Box>
      <Typography variant="body2">{artifactKindLabel(image.kind)}</Typography>
      {children.length > 0 && (
        <>
          <Button
            size="small"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded(!expanded)}
            sx={{ whiteSpace: 'nowrap' }}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}&nbsp;</span>
            {children.length} platform{children.length === 1 ? '' : 's'}
          </Button>
          {expanded && (
            <Box
              component="ul"
              id={listId}
              aria-label={`Platforms of ${imageName(image)}`}
              sx={{ m: 0, pl: 2 }}
            >
              {children.map(child => (
                <li key={child.digest}>
                  <Stack direction="row" spacing={1} alignItems="center">
                    <Typography variant="body2">
                      {child.platform ?? 'unknown platform'}
                    </Typography>
                    <Typography
                      variant="body2"
                      component="code"
                      title={child.digest}
                    >
                      {imageId(child.digest)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {formatBytes(child.sizeInBytes)}
                    </Typography>
                    <CopyTextButton
                      variant="tertiary"
                      text={pullByDigest(uri, child.digest)}
                      aria-label={`Copy docker pull command by digest for ${imageName(child)}`}
                    />
                    <Link
                      to={findingsLink(child.digest)}
                      aria-label={`View findings of ${imageName(child)}`}
                    >
                      Findings
                    </Link>
                  </Stack>
                </li>
              ))}
            </Box>
          )}
        </>
      )}
      {referrers.length > 0 && (
        <Stack
          component="ul"
          aria-label={`Artifacts referring to ${imageName(image)}`}
          direction="row"
          spacing={0.5}
          useFlexGap
          flexWrap="wrap"
          sx={{ listStyle: 'none', m: 0, mt: 0.5, p: 0 }}
        >
          {referrers.map(referrer => (
            <li key={referrer.digest}>
              <Chip
                size="small"
                variant="outlined"
                color="info"
                label={artifactKindLabel(referrer.kind)}
                title={referrer.digest}
              />
            </li>
          ))}
        </Stack>
      )}
    </Box>
  );
}
