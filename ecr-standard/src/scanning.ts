import type { StandardViolation } from './EcrStandardError';

/**
 * Registry scan types: BASIC (ECR) or ENHANCED (Amazon Inspector).
 *
 * @public
 */
export const ScanType = {
  /** ECR's own scanning (CVEs of OS packages). */
  Basic: 'BASIC',
  /** Amazon Inspector (OS and language packages, continuous). */
  Enhanced: 'ENHANCED',
} as const;
/**
 * Registry scan types: BASIC (ECR) or ENHANCED (Amazon Inspector).
 *
 * @public
 */
export type ScanType = (typeof ScanType)[keyof typeof ScanType];

/**
 * How often matching repositories are scanned.
 *
 * @public
 */
export const ScanFrequency = {
  ScanOnPush: 'SCAN_ON_PUSH',
  /** Enhanced scanning only. */
  ContinuousScan: 'CONTINUOUS_SCAN',
  /** Basic scanning only. */
  Manual: 'MANUAL',
} as const;
/**
 * How often matching repositories are scanned.
 *
 * @public
 */
export type ScanFrequency = (typeof ScanFrequency)[keyof typeof ScanFrequency];

/**
 * One scanning rule: a frequency and the repositories (wildcard filters) it applies to.
 *
 * @public
 */
export interface ScanningRuleSpec {
  readonly frequency: ScanFrequency;
  /** WILDCARD filters on repository names, e.g. `["*"]` or `["prod-*"]`. */
  readonly filters: readonly string[];
}

/**
 * Amazon ECR registry scanning limits.
 *
 * @public
 */
export const MAX_SCANNING_RULES = 2;
/** @public */
export const MAX_SCANNING_FILTERS = 100;
/**
 * A WILDCARD repository filter.
 *
 * @public
 */
export const SCAN_FILTER_PATTERN = /^[a-z0-9*][a-z0-9._/*-]{0,254}$/;

const FREQUENCIES: readonly string[] = [
  'SCAN_ON_PUSH',
  'CONTINUOUS_SCAN',
  'MANUAL',
];

/**
 * Every violation of ECR's registry scanning rules by `scanType` and `rules`.
 *
 * @public
 */
export function validateScanning(
  scanType: ScanType,
  rules: readonly ScanningRuleSpec[],
  field = 'rules',
): StandardViolation[] {
  const violations: StandardViolation[] = [];
  if (scanType !== 'BASIC' && scanType !== 'ENHANCED') {
    violations.push({
      field: 'scanType',
      message: `scan type "${scanType}" is not supported`,
      fix: 'use "BASIC" or "ENHANCED"',
    });
  }
  if (rules.length > MAX_SCANNING_RULES) {
    violations.push({
      field,
      message: `${rules.length} scanning rules`,
      fix: `use at most ${MAX_SCANNING_RULES} rules (one per frequency)`,
    });
  }
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    const at = `${field}[${i}]`;
    if (!FREQUENCIES.includes(rule.frequency)) {
      violations.push({
        field: `${at}.frequency`,
        message: `frequency "${rule.frequency}" is not supported`,
        fix: `use one of ${FREQUENCIES.join(', ')}`,
      });
    } else if (rule.frequency === 'CONTINUOUS_SCAN' && scanType === 'BASIC') {
      violations.push({
        field: `${at}.frequency`,
        message: 'CONTINUOUS_SCAN needs enhanced scanning',
        fix: 'set scanType to "ENHANCED" or use SCAN_ON_PUSH',
      });
    } else if (rule.frequency === 'MANUAL' && scanType === 'ENHANCED') {
      // RegistryScanningRule.scanFrequency (ECR API reference): enhanced scanning supports
      // CONTINUOUS_SCAN and SCAN_ON_PUSH; MANUAL is basic scanning's default.
      violations.push({
        field: `${at}.frequency`,
        message: 'enhanced scanning has no MANUAL frequency',
        fix: 'use CONTINUOUS_SCAN or SCAN_ON_PUSH, or leave those repositories out of every rule',
      });
    }
    if (seen.has(rule.frequency)) {
      violations.push({
        field: `${at}.frequency`,
        message: `a second ${rule.frequency} rule`,
        fix: 'put all filters of one frequency in one rule',
      });
    }
    seen.add(rule.frequency);
    if (
      rule.filters.length === 0 ||
      rule.filters.length > MAX_SCANNING_FILTERS
    ) {
      violations.push({
        field: `${at}.filters`,
        message: `${rule.filters.length} filters`,
        fix: `give 1 to ${MAX_SCANNING_FILTERS} filters, e.g. ["*"]`,
      });
    }
    rule.filters.forEach((filter, j) => {
      if (typeof filter !== 'string' || !SCAN_FILTER_PATTERN.test(filter)) {
        violations.push({
          field: `${at}.filters[${j}]`,
          message: `${JSON.stringify(filter)} is not a wildcard repository filter`,
          fix: 'use lowercase letters, digits, ".", "_", "-", "/" and "*" (e.g. "prod-*")',
        });
      }
    });
  });
  return violations;
}
