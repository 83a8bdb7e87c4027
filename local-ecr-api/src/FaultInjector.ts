import { EcrApiError } from './EcrApiError';
import { seededRandom } from './random';

/**
 * A fault to inject; unset `operation` / `repositoryName` / `accountId` match everything.
 *
 * @public
 */
export interface FaultRule {
  readonly operation?: string;
  readonly repositoryName?: string;
  readonly accountId?: string;
  /** Added latency before the request is answered. */
  readonly latencyMs?: number;
  /** Share of requests (0–1) answered with ThrottlingException. */
  readonly throttleRate?: number;
  /** Answer every matching request with AccessDeniedException. */
  readonly accessDenied?: boolean;
  /** Share of requests (0–1) answered with a 500 ServerException. */
  readonly serverErrorRate?: number;
  /** Accept the request and never answer it (a stuck endpoint); the client must time out. */
  readonly blackHole?: boolean;
  /** Drop the connection without an answer (ECONNRESET on the client). */
  readonly reset?: boolean;
}

/**
 * What the server does with a request after the faults: answer, drop, or leave hanging.
 *
 * @public
 */
export type FaultOutcome = 'answer' | 'reset' | 'black-hole';

/**
 * Applies {@link FaultRule}s to requests; random draws come from a seeded PRNG.
 *
 * @public
 */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private readonly random: () => number;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void {
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter(r => r !== rule);
    };
  }

  clear(): void {
    this.rules = [];
  }

  async apply(request: {
    operation: string;
    repositoryName?: unknown;
    accountId: string;
  }): Promise<FaultOutcome> {
    for (const rule of this.rules) {
      if (rule.operation && rule.operation !== request.operation) continue;
      if (rule.accountId && rule.accountId !== request.accountId) continue;
      if (
        rule.repositoryName &&
        rule.repositoryName !== request.repositoryName
      ) {
        continue;
      }
      if (rule.latencyMs) {
        await new Promise(resolve => setTimeout(resolve, rule.latencyMs));
      }
      if (rule.blackHole) return 'black-hole';
      if (rule.reset) return 'reset';
      if (rule.accessDenied) {
        throw new EcrApiError(
          'AccessDeniedException',
          `User: arn:aws:sts::${request.accountId}:assumed-role/local/session is not authorized to perform: ecr:${request.operation} because no identity-based policy allows the ecr:${request.operation} action`,
        );
      }
      if (rule.throttleRate && this.random() < rule.throttleRate) {
        throw new EcrApiError('ThrottlingException', 'Rate exceeded');
      }
      if (rule.serverErrorRate && this.random() < rule.serverErrorRate) {
        throw new EcrApiError('ServerException', 'Internal service error', 500);
      }
    }
    return 'answer';
  }
}
