#!/usr/bin/env node
// `prepack`/`postpack` of the tsc-built packages (ecr-standard, local-ecr-api, pulumi-component,
// pulumi-policy): `node ../scripts/pack-manifest.mjs prepack` removes the `@ecr-kit/source`
// export condition from the package.json in the current folder — it points at TypeScript
// sources that only the workspace's own tests and tools resolve — and keeps the original
// beside it; `postpack` puts the original back. Same idea as `backstage-cli package
// prepack/postpack` for the Backstage packages.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const CONDITION = '@ecr-kit/source';
const manifestFile = 'package.json';
const backupFile = 'package.json-prepack';

/** `exports` without the workspace-only condition, at any depth. */
function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== CONDITION)
      .map(([key, entry]) => [key, withoutSourceCondition(entry)]),
  );
}

const [command] = process.argv.slice(2);
if (command === 'prepack') {
  if (existsSync(backupFile)) {
    throw new Error(
      `${backupFile} exists: a previous pack did not finish; restore it as package.json first`,
    );
  }
  const text = readFileSync(manifestFile, 'utf8');
  const manifest = JSON.parse(text);
  writeFileSync(backupFile, text);
  if (manifest.exports)
    manifest.exports = withoutSourceCondition(manifest.exports);
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (command === 'postpack') {
  if (existsSync(backupFile)) renameSync(backupFile, manifestFile);
} else {
  throw new Error('usage: pack-manifest.mjs prepack|postpack');
}
