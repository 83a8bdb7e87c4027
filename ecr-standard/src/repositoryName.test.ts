import {
  EcrStandardError,
  suggestRepositoryName,
  throwIfViolations,
  validateRepositoryName,
} from './index';

describe('validateRepositoryName', () => {
  test.each([
    ['a 2-character name', 'ab'],
    ['a plain name', 'payments'],
    ['a namespaced name', 'team/payments-api'],
    ['every separator', 'a.b_c-d/e1/f2'],
    ['a double underscore', 'a__b'],
    ['several dashes', 'team--x/app'],
    ['256 characters', 'x'.repeat(256)],
  ])('accepts %s', (_, name) => {
    expect(validateRepositoryName(name)).toEqual([]);
  });

  test.each([
    ['uppercase', 'Payments', 'not a valid ECR repository name'],
    ['an empty path component', 'team//svc', 'not a valid ECR repository name'],
    ['a leading separator', '-svc', 'not a valid ECR repository name'],
    ['a trailing separator', 'svc-', 'not a valid ECR repository name'],
    ['doubled dots', 'svc..api', 'not a valid ECR repository name'],
    ['three underscores', 'svc___api', 'not a valid ECR repository name'],
    ['mixed separators', 'svc._api', 'not a valid ECR repository name'],
    ['1 character', 'a', 'has 1 characters'],
    ['257 characters', 'x'.repeat(257), 'has 257 characters'],
  ])('rejects %s', (_, name, message) => {
    const violations = validateRepositoryName(name, 'repositoryName');
    expect(violations.length).toBeGreaterThan(0);
    expect(violations[0].field).toBe('repositoryName');
    expect(violations.map(v => v.message).join()).toContain(message);
  });

  it('requires a name', () => {
    expect(validateRepositoryName(undefined)).toEqual([
      expect.objectContaining({
        field: 'name',
        message: 'a repository name is required',
      }),
    ]);
  });

  it('suggests a valid name in the fix', () => {
    const [violation] = validateRepositoryName('Team/Payments API');
    expect(violation.fix).toContain('"team/payments-api"');
  });
});

describe('suggestRepositoryName', () => {
  test.each([
    ['Payments API', 'payments-api'],
    ['Team//Billing__Svc', 'team/billing-svc'],
    ['--edge--', 'edge'],
  ])('%s becomes %s', (text, expected) => {
    expect(suggestRepositoryName(text)).toBe(expected);
    expect(validateRepositoryName(expected)).toEqual([]);
  });
});

describe('throwIfViolations', () => {
  it('throws one error naming every field and fix', () => {
    expect(() =>
      throwIfViolations('Repository "svc"', [
        { field: 'name', message: 'bad', fix: 'rename it' },
        { field: 'lifecycle.rules[0]', message: 'worse', fix: 'drop it' },
      ]),
    ).toThrow(
      new EcrStandardError('Repository "svc"', [
        { field: 'name', message: 'bad', fix: 'rename it' },
        { field: 'lifecycle.rules[0]', message: 'worse', fix: 'drop it' },
      ]),
    );
    expect(() => throwIfViolations('x', [])).not.toThrow();
  });
});
