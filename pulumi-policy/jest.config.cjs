module.exports = {
  ...require('@ecr-kit/jest-config'),
  coverageThreshold: { global: { lines: 90 } },
};
