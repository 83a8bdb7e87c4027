#!/usr/bin/env node
// Fails within seconds, naming the install or start command, when a test command's
// requirement is missing: `node scripts/require.mjs chromium` (before `npm run test:e2e`).
import { existsSync } from 'node:fs';

const checks = {
  chromium() {
    const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    return existsSync(path)
      ? undefined
      : `Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
  },
};

let failed = false;
for (const name of process.argv.slice(2)) {
  const check = checks[name];
  const problem = check ? check() : `unknown requirement "${name}"`;
  if (problem) {
    process.stderr.write(`${problem}\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
