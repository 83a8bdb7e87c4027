// The end-to-end tests start the real demo portal backend (serving the built app) and
// drive the system Chromium. One worker: the tests share one portal and one browser.
module.exports = {
  ...require('../../../jest.config.base.cjs'),
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  // Starting the backend and the browser on a busy two-core CI machine.
  testTimeout: 120_000,
  maxWorkers: 1,
};
