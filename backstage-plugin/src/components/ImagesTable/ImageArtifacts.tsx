import { CopyTextButton } from '@backstage/core-components';
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
import { ScanStatus } from '../ScanStatus';
import { SeverityCounts } from '../SeverityCounts';
import { FindingsLink } from './FindingsLink';
import { imageName } from './imageName';
import { WrappingRow } from '../WrappingRow';

/** One platform of an index: what it is, its scan, and how to pull it or see its findings. */
function Platform(props: {
  image: EcrImage;
  uri: string;
  findingsLink: (digest: string) => string;
}) {
  const { image, uri, findingsLink } = props;
  const name = imageName(image);
  return (
    <Box component="li" sx={{ py: 0.5 }}>
      <WrappingRow spacing={0.5}>
        <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
          {image.platform ?? 'unknown platform'}
        </Typography>
        <Typography variant="body2" component="code" title={image.digest}>
          {imageId(image.digest)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {formatBytes(image.sizeInBytes)}
        </Typography>
        <CopyTextButton
          variant="tertiary"
          text={pullByDigest(uri, image.digest)}
          aria-label={`Copy docker pull command by digest for ${name}`}
        />
      </WrappingRow>
      <WrappingRow spacing={1}>
        {image.scan?.state === 'COMPLETE' && image.scan.counts ? (
          <SeverityCounts
            compact
            counts={image.scan.counts}
            label={`Vulnerabilities of ${name}`}
          />
        ) : (
          <ScanStatus scan={image.scan} showReason />
        )}
        <FindingsLink image={image} findingsLink={findingsLink} />
      </WrappingRow>
    </Box>
  );
}

/**
 * The artifact kind, with what belongs to the image: the platforms of a multi-arch index
 * (expandable, each with its scan) and the signatures, SBOMs and attestations that refer
 * to it. A plain image says nothing here.
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
      {image.kind !== 'image' && (
        <Typography variant="body2">{artifactKindLabel(image.kind)}</Typography>
      )}
      {children.length > 0 && (
        <>
          <Button
            size="small"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded(!expanded)}
            sx={{ px: 0.5, minWidth: 0, textTransform: 'none' }}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}&nbsp;</span>
            {children.length} platform{children.length === 1 ? '' : 's'}
          </Button>
          {expanded && (
            <Box
              component="ul"
              id={listId}
              aria-label={`Platforms of ${imageName(image)}`}
              sx={{ m: 0, pl: 0, listStyle: 'none' }}
            >
              {children.map(child => (
                <Platform
                  key={child.digest}
                  image={child}
                  uri={uri}
                  findingsLink={findingsLink}
                />
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
