module.exports = {
  ...require('@ecr-kit/jest-config'),
  // The scaffolder backend and the TypeScript compiler take a while to load on a busy machine.
  testTimeout: 60_000,
};
