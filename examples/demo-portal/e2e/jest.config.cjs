// The end-to-end tests start the real demo portal backend (serving the built app) and
// drive the system Chromium. One worker: the tests share one portal and one browser.
module.exports = {
  ...require('@ecr-kit/jest-config'),
  // Starting the backend and the browser on a busy two-core CI machine.
  testTimeout: 120_000,
  maxWorkers: 1,
};
