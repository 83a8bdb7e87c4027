module.exports = {
  ...require('../jest.config.base.cjs'),
  testEnvironment: '<rootDir>/test/simulatorEnvironment.cjs',
  coverageThreshold: { global: { lines: 90 } },
};
