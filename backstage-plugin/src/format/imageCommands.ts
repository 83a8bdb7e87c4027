import {
  ecrRegistryHost,
  type EcrRepositorySummary,
} from '@ecr-kit/backstage-plugin-ecr-common';

/** `sha256:` and the first 12 hex digits: a digest short enough for a label. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest.slice(0, 19);
}

/** The first 12 hex digits, as the IMAGE ID column of `docker images` shows a digest. */
export function imageId(digest: string): string {
  return (digest.split(':')[1] ?? digest).slice(0, 12);
}

export function pullByTag(uri: string, tag: string): string {
  return `docker pull ${uri}:${tag}`;
}

export function pullByDigest(uri: string, digest: string): string {
  return `docker pull ${uri}@${digest}`;
}

/** Whether pushing a tag that already exists fails (every tag, or every tag but the exclusions). */
export function tagsAreImmutable(repository: EcrRepositorySummary): boolean {
  return repository.tagMutability.mode.startsWith('IMMUTABLE');
}

/**
 * The commands that put a first image into an empty repository. With immutable tags, a
 * second push of a tag fails, so the image is tagged with the commit SHA as the golden
 * path's workflow does (never `latest`); with mutable tags, `latest` is fine.
 */
export function pushCommands(repository: EcrRepositorySummary): string {
  const registry = ecrRegistryHost(repository);
  const login = `aws ecr get-login-password --region ${repository.region} | docker login --username AWS --password-stdin ${registry}`;
  if (tagsAreImmutable(repository)) {
    return [
      login,
      'TAG=$(git rev-parse HEAD)   # tags are immutable here: one new tag per build',
      `docker tag my-image "${repository.uri}:$TAG"`,
      `docker push "${repository.uri}:$TAG"`,
    ].join('\n');
  }
  return [
    login,
    `docker tag my-image:latest ${repository.uri}:latest`,
    `docker push ${repository.uri}:latest`,
  ].join('\n');
}
