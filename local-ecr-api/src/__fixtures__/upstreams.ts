import type { Fixture } from '../fixture';

type Upstream = NonNullable<Fixture['upstreams']>[number];
type UpstreamImage = Upstream['repositories'][number]['images'][number];

/** The upstream registry at `url` (e.g. `public.ecr.aws`) holding `repositories`, by name. */
export function upstreamRegistry(
  url: string,
  repositories: Record<string, UpstreamImage[]>,
): Upstream {
  return {
    url,
    repositories: Object.entries(repositories).map(([name, images]) => ({
      name,
      images,
    })),
  };
}
