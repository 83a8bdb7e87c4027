module.exports = {
  ...require('@ecr-kit/jest-config'),
  testEnvironment: '<rootDir>/src/__testUtils__/simulatorEnvironment.cjs',
  coverageThreshold: { global: { lines: 90 } },
};
