import type { RepositoryRecord } from '../model';
import { wildcardMatch } from '../policies/wildcardMatch';

/**
 * Whether `tag` is immutable in `repository`: IMMUTABLE_WITH_EXCLUSION leaves tags matching
 * an exclusion filter mutable; MUTABLE_WITH_EXCLUSION makes exactly those immutable
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html).
 */
export function isTagImmutable(
  repository: RepositoryRecord,
  tag: string,
): boolean {
  const excluded = (repository.imageTagMutabilityExclusionFilters ?? []).some(
    f => wildcardMatch(f.filter, tag),
  );
  switch (repository.imageTagMutability) {
    case 'IMMUTABLE':
      return true;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded;
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded;
    default:
      return false;
  }
}
