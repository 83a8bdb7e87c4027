#!/usr/bin/env node
'use strict';
// Entry point of `npx local-ecr-api`; the TypeScript sources are compiled to dist by `npm run build`.
const { runCli } = require('../dist/index.js');

runCli(process.argv.slice(2)).then(
  api => {
    if (!api) return;
    const stop = () => api.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  error => {
    process.stderr.write(`local-ecr-api: ${error.message}\n`);
    process.exit(2);
  },
);
