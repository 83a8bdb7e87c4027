import { createHash } from 'node:crypto';
import { MEDIA_TYPES } from './mediaTypes';
import type { FindingRecord, ImageRecord, ScanRecord, Severity } from './model';
import { seededRandom } from './random';

/**
 * Options of {@link generateImages}.
 *
 * @public
 */
export interface GenerateImagesOptions {
  readonly repositoryName: string;
  /** How many images (manifests, indexes and referrers together). */
  readonly count: number;
  readonly seed: number;
  /** Newest push time, epoch seconds. */
  readonly now: number;
  /** Spread of push times back from `now`; default two years. */
  readonly spanSeconds?: number;
  /**
   * Who reports the findings: basic scanning has no UNTRIAGED severity (Inspector's), so
   * for BASIC those findings come out UNDEFINED. Default ENHANCED.
   */
  readonly scanType?: 'BASIC' | 'ENHANCED';
}

const PACKAGES = [
  ['openssl', '3.0.13'],
  ['glibc', '2.36'],
  ['zlib', '1.2.13'],
  ['curl', '8.5.0'],
  ['libxml2', '2.11.5'],
  ['busybox', '1.36.1'],
  ['python3.11', '3.11.6'],
  ['nodejs', '20.10.0'],
  ['log4j-core', '2.17.0'],
  ['jackson-databind', '2.15.2'],
  ['golang.org/x/net', '0.17.0'],
  ['express', '4.18.2'],
  ['lodash', '4.17.20'],
  ['libssh2', '1.10.0'],
  ['sqlite', '3.40.1'],
] as const;

const SEVERITIES: readonly [Severity, number][] = [
  ['CRITICAL', 0.05],
  ['HIGH', 0.2],
  ['MEDIUM', 0.4],
  ['LOW', 0.25],
  ['INFORMATIONAL', 0.07],
  ['UNTRIAGED', 0.03],
];

function digestOf(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Generates a realistic, deterministic image history for one repository: tagged and
 * untagged images, multi-architecture indexes with their child manifests, signatures
 * and SBOMs referring to images, archived images, push/pull times, sizes and scan
 * results with findings. The same options always give the same images.
 *
 * @public
 */
export function generateImages(options: GenerateImagesOptions): ImageRecord[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)];
  const span = options.spanSeconds ?? 2 * 365 * 24 * 3600;
  const step = span / Math.max(options.count, 1);
  const images: ImageRecord[] = [];
  let minor = 0;
  let patch = 0;

  const findingsFor = (index: number): FindingRecord[] => {
    const count = Math.floor(random() ** 2 * 40);
    const findings: FindingRecord[] = [];
    for (let f = 0; f < count; f++) {
      const [packageName, packageVersion] = pick(PACKAGES);
      let roll = random();
      let severity: Severity = 'MEDIUM';
      for (const [candidate, weight] of SEVERITIES) {
        if (roll < weight) {
          severity = candidate;
          break;
        }
        roll -= weight;
      }
      if (options.scanType === 'BASIC' && severity === 'UNTRIAGED') {
        severity = 'UNDEFINED';
      }
      const year = 2019 + Math.floor(random() * 7);
      const id = `CVE-${year}-${String(1000 + ((index * 7919 + f * 104729) % 98999)).padStart(5, '0')}`;
      const fixable = random() < 0.6;
      findings.push({
        id,
        severity,
        packageName,
        packageVersion,
        fixedInVersion: fixable
          ? `${packageVersion}-r${1 + Math.floor(random() * 5)}`
          : undefined,
        cvssScore:
          severity === 'UNTRIAGED' || severity === 'UNDEFINED'
            ? undefined
            : Math.round((2 + random() * 8) * 10) / 10,
        exploitAvailable: random() < 0.1,
        description: `${packageName} ${packageVersion} is affected by ${id}.`,
      });
    }
    return findings;
  };

  const scanFor = (index: number, pushedAt: number): ScanRecord | undefined => {
    const roll = random();
    if (roll < 0.05) return undefined;
    if (roll < 0.08) {
      return {
        status: 'FAILED',
        description: 'Unable to scan the image: layer could not be read',
        findings: [],
      };
    }
    if (roll < 0.1) {
      return { status: 'IN_PROGRESS', findings: [] };
    }
    return {
      status: 'COMPLETE',
      description: 'The scan was completed successfully.',
      completedAt: pushedAt + 60 + Math.floor(random() * 600),
      vulnerabilitySourceUpdatedAt: pushedAt,
      findings: findingsFor(index),
    };
  };

  for (let i = 0; images.length < options.count; i++) {
    // Time advances with the images written so far (an index or a referrer adds several),
    // so the newest pushes land near `now` whatever the mix of kinds.
    const pushedAt = Math.floor(
      options.now - span + (images.length + 1) * step - random() * step * 0.5,
    );
    const base = `${options.repositoryName}/${options.seed}/${i}`;
    const size = Math.floor(20e6 + random() ** 2 * 880e6);
    const pulled =
      random() < 0.6
        ? Math.min(
            options.now,
            pushedAt + Math.floor(random() * (options.now - pushedAt)),
          )
        : undefined;
    const sha = createHash('sha1').update(base).digest('hex');
    const tags: string[] = [];
    const tagRoll = random();
    if (tagRoll < 0.45) tags.push(sha.slice(0, 7));
    else if (tagRoll < 0.65) {
      if (random() < 0.2) {
        minor += 1;
        patch = 0;
      } else patch += 1;
      tags.push(`1.${minor}.${patch}`, sha.slice(0, 12));
    } else if (tagRoll < 0.8) tags.push(`main-${sha.slice(0, 7)}`);
    const archived = random() < 0.03;
    const kindRoll = random();
    const common = {
      imageSizeInBytes: size,
      imagePushedAt: pushedAt,
      lastRecordedPullTime: pulled,
      imageStatus: archived ? ('ARCHIVED' as const) : ('ACTIVE' as const),
      lastArchivedAt: archived
        ? Math.min(options.now, pushedAt + 90 * 86400)
        : undefined,
    };
    if (kindRoll < 0.1 && options.count - images.length >= 3) {
      // A multi-architecture index and its two platform manifests.
      const children = ['amd64', 'arm64'].map(arch => ({
        ...common,
        imageDigest: digestOf(`${base}/${arch}`),
        imageTags: [],
        imageSizeInBytes: Math.floor(size * (arch === 'amd64' ? 1 : 0.93)),
        imageManifestMediaType: MEDIA_TYPES.ociManifest,
        artifactMediaType: MEDIA_TYPES.ociImageConfig,
        scan: scanFor(i, pushedAt),
      }));
      images.push(
        {
          ...common,
          imageDigest: digestOf(`${base}/index`),
          imageTags: tags,
          // The model documents an index's size as the largest of its manifests.
          imageSizeInBytes: Math.max(...children.map(c => c.imageSizeInBytes)),
          imageManifestMediaType: MEDIA_TYPES.ociIndex,
          manifests: children.map((child, c) => ({
            digest: child.imageDigest,
            mediaType: child.imageManifestMediaType,
            size: 1_000 + c,
            platform: {
              os: 'linux',
              architecture: c === 0 ? 'amd64' : 'arm64',
            },
          })),
          scan: undefined,
        },
        ...children,
      );
      continue;
    }
    const subjects = images.filter(image => !image.subjectManifestDigest);
    if (kindRoll < 0.18 && subjects.length > 0) {
      const subject =
        subjects[
          subjects.length -
            1 -
            Math.floor(random() * Math.min(5, subjects.length))
        ];
      const sbom = random() < 0.4;
      images.push({
        ...common,
        imageDigest: digestOf(`${base}/${sbom ? 'sbom' : 'sig'}`),
        imageTags: [],
        imageSizeInBytes: 1000 + Math.floor(random() * 50_000),
        imagePushedAt: Math.max(pushedAt, subject.imagePushedAt + 30),
        lastRecordedPullTime: undefined,
        imageManifestMediaType: MEDIA_TYPES.ociManifest,
        artifactMediaType: sbom
          ? MEDIA_TYPES.spdxSbom
          : MEDIA_TYPES.cosignSignature,
        subjectManifestDigest: subject.imageDigest,
        scan: {
          status: 'UNSUPPORTED_IMAGE',
          description:
            'The operating system and/or package manager are not supported.',
          findings: [],
        },
      });
      continue;
    }
    images.push({
      ...common,
      imageDigest: digestOf(base),
      imageTags: tags,
      imageManifestMediaType:
        random() < 0.3 ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociManifest,
      artifactMediaType: MEDIA_TYPES.ociImageConfig,
      scan: scanFor(i, pushedAt),
    });
  }
  return images;
}
