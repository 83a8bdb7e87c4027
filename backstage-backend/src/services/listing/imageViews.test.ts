import {
  ARTIFACT_KINDS,
  IMAGE_SORT_FIELDS,
  type EcrImage,
  type EcrImagesQuery,
} from '@ecr-kit/backstage-plugin-ecr-common';
import { imageView, selectImages } from './imageViews';

/** Deterministic pseudo-random images: ties in every sort key, tagged and untagged, all kinds. */
function images(count: number): EcrImage[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, (_, i) => {
    const tags =
      next() < 0.6
        ? Array.from(
            { length: 1 + Math.floor(next() * 3) },
            () => `v${Math.floor(next() * 50)}`,
          )
        : [];
    return {
      digest: `sha256:${i.toString(16).padStart(64, '0')}`,
      tags,
      sizeInBytes: Math.floor(next() * 20) * 1000,
      pushedAt: new Date(
        Date.UTC(2026, 0, 1 + Math.floor(next() * 60)),
      ).toISOString(),
      ...(next() < 0.7
        ? {
            lastPulledAt: new Date(
              Date.UTC(2026, 2, 1 + Math.floor(next() * 30)),
            ).toISOString(),
          }
        : {}),
      kind: ARTIFACT_KINDS[Math.floor(next() * ARTIFACT_KINDS.length)],
      status: 'ACTIVE',
      children: [],
      referrers: [],
    };
  });
}

/** What a page must be: filter, sort (ties by digest) and slice, done the obvious way. */
function expected(all: readonly EcrImage[], query: EcrImagesQuery) {
  const time = (v?: string) => (v ? Date.parse(v) : 0);
  const key = (i: EcrImage): number | string => {
    switch (query.sort) {
      case 'lastPulledAt':
        return time(i.lastPulledAt);
      case 'size':
        return i.sizeInBytes ?? 0;
      case 'tag':
        return [...i.tags].sort()[0] ?? '';
      default:
        return time(i.pushedAt);
    }
  };
  const direction = query.order === 'asc' ? 1 : -1;
  const kept = all
    .filter(i => query.tagStatus !== 'TAGGED' || i.tags.length > 0)
    .filter(i => query.tagStatus !== 'UNTAGGED' || i.tags.length === 0)
    .filter(i => !query.kind || i.kind === query.kind)
    .filter(
      i =>
        !query.tag ||
        i.tags.some(t => t.toLowerCase().includes(query.tag!.toLowerCase())),
    )
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -direction : direction;
      return a.digest < b.digest ? -1 : 1;
    });
  const size = query.pageSize ?? 25;
  const start = ((query.page ?? 1) - 1) * size;
  return {
    digests: kept.slice(start, start + size).map(i => i.digest),
    total: kept.length,
  };
}

describe('selectImages', () => {
  const all = images(1500);

  it('pages exactly like filtering and sorting the whole listing, for every order and partition', () => {
    let checked = 0;
    for (const sort of IMAGE_SORT_FIELDS) {
      for (const order of ['asc', 'desc'] as const) {
        for (const tagStatus of [undefined, 'TAGGED', 'UNTAGGED'] as const) {
          for (const kind of [undefined, 'image', 'signature'] as const) {
            for (const page of [1, 3]) {
              const query = {
                sort,
                order,
                tagStatus,
                kind,
                page,
                pageSize: 20,
              };
              const result = selectImages(all, query);
              const want = expected(all, query);
              expect(result.images.map(i => i.digest)).toEqual(want.digests);
              expect(result.totalCount).toBe(want.total);
              checked += 1;
            }
          }
        }
      }
    }
    expect(checked).toBe(IMAGE_SORT_FIELDS.length * 2 * 3 * 3 * 2);
  });

  it('applies a tag search on top of a partition, counting every match', () => {
    const query = {
      tag: 'V1',
      tagStatus: 'TAGGED' as const,
      page: 2,
      pageSize: 10,
    };
    const result = selectImages(all, query);
    const want = expected(all, query);
    expect(want.total).toBeGreaterThan(20);
    expect(result.images.map(i => i.digest)).toEqual(want.digests);
    expect(result.totalCount).toBe(want.total);
  });

  it('keeps images whose severity test passes and counts the ones not known yet', () => {
    const verdict = (i: EcrImage) =>
      i.tags.length === 0 ? undefined : i.sizeInBytes! >= 10_000;
    const result = selectImages(
      all,
      { minSeverity: 'HIGH', pageSize: 1000 },
      verdict,
    );
    const unknown = all.filter(i => verdict(i) === undefined).length;
    const matching = all.filter(i => verdict(i) === true);
    expect(result.severityFilter).toEqual({
      evaluated: all.length - unknown,
      unknown,
    });
    expect(result.totalCount).toBe(matching.length);
    expect(new Set(result.images.map(i => i.digest))).toEqual(
      new Set(matching.slice(0, 1000).map(i => i.digest)),
    );
  });

  it('builds each view once per listing and reuses it for every later page', () => {
    const listing = images(300);
    const key = {
      sort: 'size' as const,
      order: 'asc' as const,
      tagStatus: 'UNTAGGED' as const,
    };
    const first = imageView(listing, key);
    expect(imageView(listing, key)).toBe(first);
    // A new listing (a refresh) gets its own views.
    expect(imageView([...listing], key)).not.toBe(first);
  });
});
