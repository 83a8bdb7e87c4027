import { startLocalEcrApi, type LocalEcrApi } from '@ecr-kit/local-ecr-api';
import { NOW, fixture } from '../__fixtures__/registry';

/** The local ECR API serving the registry fixture at `NOW`, its generated images seeded. */
export function startFixtureApi(): Promise<LocalEcrApi> {
  return startLocalEcrApi({ fixture, now: () => NOW, seed: 3 });
}

/** Clears the faults a test injected and the requests it counted. */
export function resetFixtureApi(api: LocalEcrApi): void {
  api.faults.clear();
  api.resetRequestCounts();
}
