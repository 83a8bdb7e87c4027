module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Test helpers named expect… assert too.
    'jest/expect-expect': ['warn', { assertFunctionNames: ['expect*'] }],
  },
});
