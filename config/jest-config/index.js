// Jest settings of the plain TypeScript packages (`@ecr-kit/jest-config`; the Backstage
// packages use `backstage-cli package test`): a package's `jest.config.cjs` is
// `module.exports = { ...require('@ecr-kit/jest-config'), …its own settings }`.
// Workspace dependencies resolve to their TypeScript source through the "@ecr-kit/source"
// export condition, so tests never need a build. Tests sit beside the code they test
// (`src/**/*.test.ts`), helpers in `src/__testUtils__/`, fixtures in `src/__fixtures__/`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Loading @pulumi/aws or the AWS SDK takes several seconds while turbo runs
  // other packages' tasks on the same two cores; 5 s is too tight for hooks.
  testTimeout: 30_000,
  testEnvironmentOptions: {
    customExportConditions: ['@ecr-kit/source', 'node', 'require', 'default'],
  },
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
    ],
  },
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  collectCoverageFrom: [
    'src/**/*.ts',
    '!src/**/*.test.ts',
    '!src/**/__testUtils__/**',
    '!src/**/__fixtures__/**',
  ],
  coverageReporters: ['text-summary', 'lcov'],
};
