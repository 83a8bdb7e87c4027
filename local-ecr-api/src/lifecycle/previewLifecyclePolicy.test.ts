import { previewLifecyclePolicy } from './previewLifecyclePolicy';
import type { PreviewImage, PreviewResult } from './types';
import { validateLifecyclePolicy } from './validateLifecyclePolicy';

const DAY = 24 * 60 * 60;
const NOW = 1_750_000_000;
const daysAgo = (days: number) => NOW - days * DAY;

function image(
  imageDigest: string,
  imageTags: string[],
  pushedDaysAgo: number,
  extra: Partial<PreviewImage> = {},
): PreviewImage {
  return {
    imageDigest,
    imageTags,
    imagePushedAt: daysAgo(pushedDaysAgo),
    imageStatus: 'ACTIVE',
    ...extra,
  };
}

// Policies go through the validator so that every policy here is one ECR would accept.
function preview(
  rules: object[],
  images: readonly PreviewImage[],
): PreviewResult[] {
  return previewLifecyclePolicy(
    validateLifecyclePolicy(JSON.stringify({ rules })),
    images,
    NOW,
  );
}

const affected = (results: PreviewResult[]) =>
  results.map(r => `${r.imageDigest}@${r.appliedRulePriority}`);

const expire = { type: 'expire' };
const toArchive = { type: 'transition', targetStorageClass: 'archive' };
const keep = (selection: object, countNumber: number) => ({
  ...selection,
  countType: 'imageCountMoreThan',
  countNumber,
});
const olderThan = (selection: object, countNumber: number) => ({
  ...selection,
  countType: 'sinceImagePushed',
  countUnit: 'days',
  countNumber,
});
const rule = (
  rulePriority: number,
  selection: object,
  action: object = expire,
) => ({
  rulePriority,
  selection,
  action,
});

const betaProd = [
  image('A', ['beta-1', 'prod-1'], 10),
  image('B', ['beta-2', 'prod-2'], 9),
  image('C', ['beta-3'], 8),
];
const alphaBeta = [
  image('A', ['alpha-1'], 12),
  image('B', ['beta-1'], 11),
  image('C', ['alpha-2', 'beta-2'], 10),
  image('D', ['alpha-3'], 4),
  image('E', ['beta-3'], 3),
  image('F', ['alpha-4', 'beta-4'], 2),
];
const everyKind = [
  image('A', ['alpha-1', 'beta-1'], 4),
  image('B', [], 3),
  image('C', ['alpha-2'], 2),
  // Both "1 day ago" in the docs; E is the newer, and exactly one day old.
  { ...image('D', ['git hash'], 1), imagePushedAt: daysAgo(1) - 3600 },
  image('E', [], 1),
];

describe('previewLifecyclePolicy', () => {
  // The worked examples of lifecycle_policy_examples.html, with their documented outcomes.
  test.each<[string, object[], PreviewImage[], string[]]>([
    [
      'multiple rules, example A: a higher rule shields what it selects',
      [
        rule(1, keep({ tagStatus: 'tagged', tagPatternList: ['prod*'] }, 1)),
        rule(2, keep({ tagStatus: 'tagged', tagPatternList: ['beta*'] }, 1)),
      ],
      betaProd,
      ['A@1'],
    ],
    [
      'multiple rules, example A with prefix lists',
      [
        rule(1, keep({ tagStatus: 'tagged', tagPrefixList: ['prod'] }, 1)),
        rule(2, keep({ tagStatus: 'tagged', tagPrefixList: ['beta'] }, 1)),
      ],
      betaProd,
      ['A@1'],
    ],
    [
      'multiple rules, example B: the first rule sees every image',
      [
        rule(1, keep({ tagStatus: 'tagged', tagPatternList: ['beta*'] }, 1)),
        rule(2, keep({ tagStatus: 'tagged', tagPatternList: ['prod*'] }, 1)),
      ],
      betaProd,
      ['A@1', 'B@1'],
    ],
    [
      'multiple tags, example A: every pattern must match, then age',
      [
        rule(
          1,
          olderThan(
            { tagStatus: 'tagged', tagPatternList: ['alpha*', 'beta*'] },
            5,
          ),
        ),
      ],
      alphaBeta,
      ['C@1'],
    ],
    [
      'multiple tags, example B: extra tags do not matter',
      [
        rule(
          1,
          keep({ tagStatus: 'tagged', tagPatternList: ['alpha*', 'beta*'] }, 1),
        ),
      ],
      [
        image('A', ['alpha-1', 'beta-1', 'gamma-1'], 10),
        image('B', ['alpha-2', 'beta-2'], 9),
        image('C', ['alpha-3', 'beta-3', 'gamma-2'], 8),
      ],
      ['A@1', 'B@1'],
    ],
    [
      'all images, example A: keep the newest one',
      [rule(1, keep({ tagStatus: 'any' }, 1))],
      [
        image('A', ['alpha-1'], 4),
        image('B', ['beta-1'], 3),
        image('C', [], 2),
        image('D', ['alpha-2'], 1),
      ],
      ['A@1', 'B@1', 'C@1'],
    ],
    [
      'all images, example B: tagged, untagged and any rules',
      [
        rule(1, keep({ tagStatus: 'tagged', tagPatternList: ['alpha*'] }, 1)),
        rule(2, olderThan({ tagStatus: 'untagged' }, 1)),
        rule(3, keep({ tagStatus: 'any' }, 1)),
      ],
      everyKind,
      ['A@1', 'B@2', 'D@3'],
    ],
  ])('%s', (_name, rules, images, expected) => {
    expect(affected(preview(rules, images))).toEqual(expected);
  });

  test('a higher rule shields the images it selects even when it marks none of them', () => {
    const rules = [
      rule(
        1,
        olderThan({ tagStatus: 'tagged', tagPatternList: ['prod*'] }, 30),
      ),
      rule(2, keep({ tagStatus: 'any' }, 1)),
    ];
    const images = [
      image('prod-1', ['prod-1'], 20),
      image('prod-2', ['prod-2'], 10),
      image('dev-1', ['dev-1'], 5),
      image('dev-2', ['dev-2'], 1),
    ];
    expect(affected(preview(rules, images))).toEqual(['dev-1@2']);
  });

  test('an archive rule does not shield active images', () => {
    const rules = [
      rule(1, {
        tagStatus: 'tagged',
        tagPatternList: ['prod*'],
        storageClass: 'archive',
        countType: 'sinceImageTransitioned',
        countUnit: 'days',
        countNumber: 90,
      }),
      rule(2, keep({ tagStatus: 'any' }, 1)),
    ];
    const images = [image('old', ['prod-1'], 20), image('new', ['prod-2'], 10)];
    expect(affected(preview(rules, images))).toEqual(['old@2']);
  });

  test('counting ranks an image restored from archive by its restore time', () => {
    const images = [
      image('restored', ['v1'], 100, { lastActivatedAt: daysAgo(1) }),
      image('pushed', ['v2'], 50),
    ];
    expect(
      affected(preview([rule(1, keep({ tagStatus: 'any' }, 1))], images)),
    ).toEqual(['pushed@1']);
  });

  const sincePushed = olderThan({ tagStatus: 'any' }, 14);
  const sincePulled = {
    tagStatus: 'any',
    countType: 'sinceImagePulled',
    countUnit: 'days',
    countNumber: 90,
  };
  const sinceArchived = {
    tagStatus: 'any',
    storageClass: 'archive',
    countType: 'sinceImageTransitioned',
    countUnit: 'days',
    countNumber: 365,
  };
  const archived = (days: number | undefined): Partial<PreviewImage> => ({
    imageStatus: 'ARCHIVED',
    lastArchivedAt: days === undefined ? undefined : daysAgo(days),
  });

  test.each<[string, object, object, PreviewImage, boolean]>([
    [
      'pushed exactly 14 days ago',
      sincePushed,
      expire,
      image('x', [], 14),
      false,
    ],
    [
      'pushed 14 days and a second ago',
      sincePushed,
      expire,
      { ...image('x', [], 14), imagePushedAt: daysAgo(14) - 1 },
      true,
    ],
    [
      'pulled 10 days ago, pushed long before',
      sincePulled,
      toArchive,
      image('x', [], 400, { lastRecordedPullTime: daysAgo(10) }),
      false,
    ],
    [
      'last pulled 91 days ago',
      sincePulled,
      toArchive,
      image('x', [], 400, { lastRecordedPullTime: daysAgo(91) }),
      true,
    ],
    // Never pulled: ECR measures from the push instead.
    [
      'never pulled, pushed 91 days ago',
      sincePulled,
      toArchive,
      image('x', [], 91),
      true,
    ],
    [
      'never pulled, pushed 10 days ago',
      sincePulled,
      toArchive,
      image('x', [], 10),
      false,
    ],
    // Restored and not pulled since: ECR measures from the restore instead.
    [
      'restored 10 days ago, last pulled before that',
      sincePulled,
      toArchive,
      image('x', [], 400, {
        lastRecordedPullTime: daysAgo(300),
        lastActivatedAt: daysAgo(10),
      }),
      false,
    ],
    [
      'restored 100 days ago and never pulled since',
      sincePulled,
      toArchive,
      image('x', [], 400, {
        lastRecordedPullTime: daysAgo(300),
        lastActivatedAt: daysAgo(100),
      }),
      true,
    ],
    [
      'restored 100 days ago, pulled 5 days ago',
      sincePulled,
      toArchive,
      image('x', [], 400, {
        lastRecordedPullTime: daysAgo(5),
        lastActivatedAt: daysAgo(100),
      }),
      false,
    ],
    [
      'archived 366 days ago',
      sinceArchived,
      expire,
      image('x', [], 900, archived(366)),
      true,
    ],
    [
      'archived 300 days ago',
      sinceArchived,
      expire,
      image('x', [], 900, archived(300)),
      false,
    ],
    [
      'archived at an unknown time',
      sinceArchived,
      expire,
      image('x', [], 900, archived(undefined)),
      false,
    ],
  ])(
    'age rule, image %s → affected: %p',
    (_name, selection, action, subject, expected) => {
      const results = preview([rule(1, selection, action)], [subject]);
      expect(results.length === 1).toBe(expected);
    },
  );

  test('archives old images and expires long-archived ones, leaving the rest', () => {
    // "Combining archive and expire rules" in lifecycle_policy_examples.html.
    const rules = [
      rule(1, olderThan({ tagStatus: 'any' }, 30), toArchive),
      rule(2, sinceArchived),
    ];
    const images = [
      image('sha256:old', ['v1'], 40),
      image('sha256:new', ['v2'], 10),
      image('sha256:long-archived', [], 900, archived(400)),
      image('sha256:recently-archived', ['v0'], 900, archived(100)),
      image('sha256:restoring', ['v-1'], 900, { imageStatus: 'ACTIVATING' }),
    ];
    expect(preview(rules, images)).toEqual<PreviewResult[]>([
      {
        imageDigest: 'sha256:old',
        imageTags: ['v1'],
        imagePushedAt: daysAgo(40),
        action: { type: 'TRANSITION', targetStorageClass: 'ARCHIVE' },
        appliedRulePriority: 1,
        storageClass: 'STANDARD',
      },
      {
        imageDigest: 'sha256:long-archived',
        imageTags: [],
        imagePushedAt: daysAgo(900),
        action: { type: 'EXPIRE' },
        appliedRulePriority: 2,
        storageClass: 'ARCHIVE',
      },
    ]);
  });

  test('lists results by rule priority, then oldest first', () => {
    const rules = [
      rule(5, keep({ tagStatus: 'tagged', tagPrefixList: ['v'] }, 1)),
      rule(2, keep({ tagStatus: 'untagged' }, 1)),
    ];
    const images = [
      image('v-new', ['v3'], 1),
      image('v-mid', ['v2'], 2),
      image('u-new', [], 1),
      image('v-old', ['v1'], 3),
      image('u-old', [], 2),
    ];
    expect(affected(preview(rules, images))).toEqual([
      'u-old@2',
      'v-old@5',
      'v-mid@5',
    ]);
  });

  test('no images, no results', () => {
    expect(preview([rule(1, keep({ tagStatus: 'any' }, 1))], [])).toEqual([]);
  });
});
