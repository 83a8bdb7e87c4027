import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';
import { compliantRepository } from '../../__fixtures__/ecrData';
import { repositoryBadges } from './repositoryBadges';

const labels = (overrides: Partial<EcrRepositorySummary>) =>
  repositoryBadges({ ...compliantRepository, ...overrides }).map(b => [
    b.label,
    b.on,
  ]);

describe('repositoryBadges', () => {
  it.each([
    [{ mode: 'IMMUTABLE', exclusionFilters: [] }, ['Immutable tags', true]],
    [
      { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusionFilters: ['dev-*'] },
      ['Immutable tags (1 exception)', true],
    ],
    [{ mode: 'MUTABLE', exclusionFilters: [] }, ['Immutable tags: off', false]],
    [
      { mode: 'MUTABLE_WITH_EXCLUSION', exclusionFilters: ['v*', 'release-*'] },
      ['Immutable tags: off (2 protected patterns)', false],
    ],
  ] as const)('tag mutability %p', (tagMutability, expected) => {
    expect(
      labels({
        tagMutability: {
          ...tagMutability,
          exclusionFilters: [...tagMutability.exclusionFilters],
        },
      })[0],
    ).toEqual(expected);
  });

  it.each([
    [
      { type: 'ENHANCED', scanOnPush: false, continuous: true },
      ['Enhanced scanning', true],
    ],
    [
      { type: 'BASIC', scanOnPush: true, continuous: false },
      ['Scan on push', true],
    ],
    [
      { type: 'BASIC', scanOnPush: false, continuous: false },
      ['Scan on push: off', false],
    ],
    [
      { type: 'UNKNOWN', scanOnPush: false, continuous: false },
      ['Scanning: unknown', false],
    ],
  ] as const)('scanning %p', (scanning, expected) => {
    expect(labels({ scanning })[1]).toEqual(expected);
  });

  it('names the encryption type and whether the policies exist', () => {
    expect(
      labels({
        encryption: { type: 'AES256' },
        lifecyclePolicy: { present: true, rules: ['a', 'b'] },
        repositoryPolicyPresent: false,
      }).slice(2),
    ).toEqual([
      ['Encryption: AES256', true],
      ['Lifecycle policy (2 rules)', true],
      ['Repository policy: none', false],
    ]);
    expect(
      labels({
        encryption: { type: 'KMS_DSSE', kmsKey: 'k' },
        lifecyclePolicy: { present: false, rules: [] },
      }).slice(2, 4),
    ).toEqual([
      ['Encryption: KMS', true],
      ['Lifecycle policy: none', false],
    ]);
  });
});
