import type { ImageRecord } from '../model';

/** One repository of an upstream registry: its images in push order. */
interface UpstreamRepository {
  images: ImageRecord[];
}

/**
 * The simulated upstream registries that pull-through-cache rules read from (ECR Public,
 * Docker Hub, Quay, …): deterministic contents from the seed, keyed by registry host
 * (`registry-1.docker.io`) and repository path (`library/nginx`).
 *
 * @public
 */
export class Upstreams {
  private readonly registries = new Map<
    string,
    Map<string, UpstreamRepository>
  >();

  /** Adds images to `url`'s `repository`, later images taking over tags of earlier ones. */
  add(url: string, repository: string, images: readonly ImageRecord[]): void {
    let registry = this.registries.get(url);
    if (!registry) {
      registry = new Map();
      this.registries.set(url, registry);
    }
    let repo = registry.get(repository);
    if (!repo) {
      repo = { images: [] };
      registry.set(repository, repo);
    }
    for (const image of images) {
      for (const tag of image.imageTags) {
        for (const other of repo.images) {
          other.imageTags = other.imageTags.filter(t => t !== tag);
        }
      }
      repo.images.push(image);
    }
  }

  /** Whether the seed knows the upstream registry at all. */
  hasRegistry(url: string): boolean {
    return this.registries.has(url);
  }

  /**
   * The image `reference` (tag or digest) names in the upstream repository, with the
   * platform manifests of an index; undefined when the upstream has no such image.
   */
  resolve(
    url: string,
    repository: string,
    reference: { tag?: string; digest?: string },
  ): ImageRecord[] | undefined {
    const images = this.registries.get(url)?.get(repository)?.images;
    if (!images) return undefined;
    const image = images.find(i =>
      reference.digest
        ? i.imageDigest === reference.digest
        : i.imageTags.includes(reference.tag ?? ''),
    );
    if (!image) return undefined;
    const children = (image.manifests ?? [])
      .map(m => images.find(i => i.imageDigest === m.digest))
      .filter((i): i is ImageRecord => i !== undefined);
    return [image, ...children];
  }
}
