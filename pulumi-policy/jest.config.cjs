module.exports = {
  ...require('../jest.config.base.cjs'),
  coverageThreshold: { global: { lines: 90 } },
};
