import {
  IMAGES_QUERY_DEFAULTS,
  type ArtifactKind,
  type EcrImage,
  type EcrImagesQuery,
  type ImageSortField,
  type SortOrder,
  type TagStatus,
} from '@ecr-kit/backstage-plugin-ecr-common';

/** Whether an image has a finding at the query's minimum severity; `undefined`: not known. */
export type SeverityTest = (image: EcrImage) => boolean | undefined;

/** One ready view of a repository: an order, and the tag-status and kind it keeps. */
interface ViewKey {
  readonly sort: ImageSortField;
  readonly order: SortOrder;
  readonly tagStatus?: TagStatus;
  readonly kind?: ArtifactKind;
}

/**
 * Views per grouped listing, built on first use and kept with it (a new listing brings
 * new views): sorting a 10,000-image repository once per listing instead of once per page
 * is what makes a warm page cost the page.
 */
const views = new WeakMap<
  readonly EcrImage[],
  Map<string, readonly EcrImage[]>
>();

const time = (value: string | undefined) => (value ? Date.parse(value) : 0);

function sortValue(image: EcrImage, sort: ImageSortField): number | string {
  switch (sort) {
    case 'lastPulledAt':
      return time(image.lastPulledAt);
    case 'size':
      return image.sizeInBytes ?? 0;
    case 'tag':
      return [...image.tags].sort()[0] ?? '';
    default:
      return time(image.pushedAt);
  }
}

function sorted(
  images: readonly EcrImage[],
  sort: ImageSortField,
  order: SortOrder,
): EcrImage[] {
  const direction = order === 'asc' ? 1 : -1;
  // Sort keys computed once per image, not once per comparison; ties by digest.
  return images
    .map(image => ({ image, value: sortValue(image, sort) }))
    .sort((a, b) => {
      if (a.value < b.value) return -direction;
      if (a.value > b.value) return direction;
      return a.image.digest < b.image.digest ? -1 : 1;
    })
    .map(entry => entry.image);
}

function keeps(image: EcrImage, key: ViewKey): boolean {
  if (key.tagStatus === 'TAGGED' && image.tags.length === 0) return false;
  if (key.tagStatus === 'UNTAGGED' && image.tags.length > 0) return false;
  return !key.kind || image.kind === key.kind;
}

/** The images of `key`, in its order: built once per listing, then reused. */
export function imageView(
  images: readonly EcrImage[],
  key: ViewKey,
): readonly EcrImage[] {
  let ready = views.get(images);
  if (!ready) {
    ready = new Map();
    views.set(images, ready);
  }
  const id = `${key.sort}:${key.order}:${key.tagStatus ?? ''}:${key.kind ?? ''}`;
  let view = ready.get(id);
  if (!view) {
    const ordered =
      key.tagStatus || key.kind
        ? imageView(images, { sort: key.sort, order: key.order })
        : sorted(images, key.sort, key.order);
    view =
      key.tagStatus || key.kind ? ordered.filter(i => keeps(i, key)) : ordered;
    ready.set(id, view);
  }
  return view;
}

/**
 * Filters, sorts (newest first by default) and pages grouped images. Order, tag status and
 * kind come from a ready view, so such a page costs the page; a tag search or a minimum
 * severity still looks at each image of the view once.
 */
export function selectImages(
  images: readonly EcrImage[],
  query: EcrImagesQuery,
  severity?: SeverityTest,
) {
  const view = imageView(images, {
    sort: query.sort ?? IMAGES_QUERY_DEFAULTS.sort,
    order: query.order ?? IMAGES_QUERY_DEFAULTS.order,
    tagStatus: query.tagStatus,
    kind: query.kind,
  });
  const pageSize = query.pageSize ?? IMAGES_QUERY_DEFAULTS.pageSize;
  const page = query.page ?? IMAGES_QUERY_DEFAULTS.page;
  const start = (page - 1) * pageSize;
  const tagText = query.tag?.toLowerCase();
  if (!tagText && !query.minSeverity) {
    return {
      images: view.slice(start, start + pageSize),
      page,
      pageSize,
      totalCount: view.length,
    };
  }
  let unknown = 0;
  let evaluated = 0;
  const selected: EcrImage[] = [];
  let totalCount = 0;
  for (const image of view) {
    if (tagText && !image.tags.some(t => t.toLowerCase().includes(tagText))) {
      continue;
    }
    if (query.minSeverity) {
      const matches = severity?.(image);
      if (matches === undefined) {
        unknown += 1;
        continue;
      }
      evaluated += 1;
      if (!matches) continue;
    }
    if (totalCount >= start && selected.length < pageSize) selected.push(image);
    totalCount += 1;
  }
  return {
    images: selected,
    page,
    pageSize,
    totalCount,
    ...(query.minSeverity ? { severityFilter: { evaluated, unknown } } : {}),
  };
}
