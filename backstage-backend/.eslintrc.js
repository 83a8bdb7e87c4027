module.exports = require('@ecr-kit/eslint-config/backstage')(__dirname, {
  rules: {
    // Test helpers named expect… assert too.
    'jest/expect-expect': ['warn', { assertFunctionNames: ['expect*'] }],
  },
});
