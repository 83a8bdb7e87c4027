// Shared Jest settings for the plain TypeScript packages (the Backstage packages use
// `backstage-cli package test`). Workspace dependencies resolve to their TypeScript
// source through the "@ecr-kit/source" export condition, so tests never need a build.
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
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.test.ts'],
  coverageReporters: ['text-summary', 'lcov'],
};
