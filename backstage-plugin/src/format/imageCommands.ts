import type { EcrRepositorySummary } from '@ecr-kit/backstage-plugin-ecr-common';

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

/** The commands that put a first image into an empty repository. */
export function pushCommands(repository: EcrRepositorySummary): string {
  const registry = repository.uri.split('/')[0];
  return [
    `aws ecr get-login-password --region ${repository.region} | docker login --username AWS --password-stdin ${registry}`,
    `docker tag my-image:latest ${repository.uri}:latest`,
    `docker push ${repository.uri}:latest`,
  ].join('\n');
}
