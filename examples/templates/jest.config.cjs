module.exports = {
  ...require('../../jest.config.base.cjs'),
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The scaffolder backend and the TypeScript compiler take a while to load on a busy machine.
  testTimeout: 60_000,
};
