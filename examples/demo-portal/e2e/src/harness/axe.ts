import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** One accessibility rule broken on a page, with where. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page (injected by evaluation: the portal's Content-Security-Policy
 * forbids inline scripts) and returns every violation, worst first. `include` limits the
 * check to the elements a selector matches.
 */
export async function axeViolations(
  page: Page,
  include?: string,
): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector?: string) => {
    const { axe } = window as unknown as {
      axe: typeof import('axe-core');
    };
    const result = await axe.run(
      selector ? { include: [selector] } : document,
      {
        resultTypes: ['violations'],
      },
    );
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map(n => n.target.join(' ')),
    }));
  }, include);
  const rank = ['critical', 'serious', 'moderate', 'minor', 'unknown'];
  return violations.sort(
    (a, b) => rank.indexOf(a.impact) - rank.indexOf(b.impact),
  );
}

/** Only what WCAG failures users hit hardest: serious and critical. */
export function seriousOrCritical(
  violations: readonly AxeViolation[],
): AxeViolation[] {
  return violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
}
