#!/usr/bin/env node
// Packs @ecr-kit/ecr-standard and @ecr-kit/pulumi (`npm pack` runs their `prepack` build),
// installs the two tarballs with the peer dependencies into an empty folder — from the local
// npm cache only (`npm ci --offline`): no registry is asked — and runs a Pulumi program under
// mocks there. Fails when the tarball needs anything it does not pack, when npm would install
// a second @pulumi/pulumi, or when the program fails. `npm run test:pack` (not in `npm test`).
//
// Why a lockfile: npm 11 resolves a range with the registry's full metadata, which the local
// cache of a `npm ci` does not hold, so a plain `npm install --offline` cannot run without the
// registry. The folder gets a lockfile instead, with the peer dependencies pinned to the
// versions (and tarball integrity) of the workspace's own package-lock.json — exactly what
// the cache holds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const component = join(here, '..');
const standard = join(component, '..', 'ecr-standard');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const step = message =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

/**
 * The workspace lock's entries of `names` and everything they need (dependencies, optional
 * dependencies, required peers), found as Node finds them: nested first, then hoisted.
 */
function lockEntriesFor(names) {
  const lock = JSON.parse(
    readFileSync(join(component, '..', 'package-lock.json'), 'utf8'),
  );
  const entries = {};
  // From `node_modules/a/node_modules/b`, `name` is looked up in
  // `node_modules/a/node_modules/b/node_modules`, then `node_modules/a/node_modules`, then
  // `node_modules`.
  const resolve = (from, name) => {
    let base = from;
    for (;;) {
      const key = `${base}/node_modules/${name}`;
      if (lock.packages[key]) return key;
      const up = base.lastIndexOf('/node_modules/');
      if (up === -1) break;
      base = base.slice(0, up);
    }
    return lock.packages[`node_modules/${name}`]
      ? `node_modules/${name}`
      : undefined;
  };
  const visit = key => {
    if (entries[key]) return;
    const entry = lock.packages[key];
    if (entry.link) throw new Error(`${key} is a workspace link`);
    entries[key] = entry;
    const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta.optional)
      .map(([name]) => name);
    for (const name of [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter(
        name => !optionalPeers.includes(name),
      ),
    ]) {
      const found = resolve(key, name);
      if (found) visit(found);
      else if (!entry.optionalDependencies?.[name]) {
        throw new Error(`${key} needs ${name}, which the workspace lock lacks`);
      }
    }
  };
  for (const name of names) visit(`node_modules/${name}`);
  return entries;
}

const integrity = file =>
  `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

const work = mkdtempSync(join(tmpdir(), 'ecr-kit-pack-'));
try {
  const tarballs = {};
  for (const dir of [standard, component]) {
    const manifest = JSON.parse(
      readFileSync(join(dir, 'package.json'), 'utf8'),
    );
    const { name, peerDependencies = {} } = manifest;
    step(`npm pack ${name}`);
    const out = execFileSync(
      npm,
      ['pack', '--json', '--pack-destination', work],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [{ filename, files }] = JSON.parse(out.slice(out.indexOf('[')));
    tarballs[name] = {
      file: join(work, filename),
      base: filename,
      manifest,
      peerDependencies,
      files,
    };
    console.log(`  ${filename}: ${files.length} files`);
  }

  const peers = tarballs['@ecr-kit/pulumi'].peerDependencies;
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  const dependencies = {
    '@ecr-kit/ecr-standard': `file:../${tarballs['@ecr-kit/ecr-standard'].base}`,
    '@ecr-kit/pulumi': `file:../${tarballs['@ecr-kit/pulumi'].base}`,
    '@pulumi/pulumi': peers['@pulumi/pulumi'],
    '@pulumi/aws': peers['@pulumi/aws'],
  };
  const manifest = { name: 'ecr-kit-pack-check', private: true, dependencies };
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  const packed = name => {
    const { file, manifest: m } = tarballs[name];
    return {
      version: m.version,
      resolved: `file:../${tarballs[name].base}`,
      integrity: integrity(file),
      ...(m.dependencies ? { dependencies: m.dependencies } : {}),
      ...(m.peerDependencies ? { peerDependencies: m.peerDependencies } : {}),
      ...(m.peerDependenciesMeta
        ? { peerDependenciesMeta: m.peerDependenciesMeta }
        : {}),
      ...(m.engines ? { engines: m.engines } : {}),
    };
  };
  writeFileSync(
    join(app, 'package-lock.json'),
    JSON.stringify(
      {
        name: manifest.name,
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': manifest,
          'node_modules/@ecr-kit/ecr-standard': packed('@ecr-kit/ecr-standard'),
          'node_modules/@ecr-kit/pulumi': packed('@ecr-kit/pulumi'),
          ...lockEntriesFor(['@pulumi/pulumi', '@pulumi/aws']),
        },
      },
      null,
      2,
    ),
  );
  step('npm ci --offline (the local npm cache only)');
  execFileSync(
    npm,
    [
      'ci',
      '--offline',
      '--ignore-scripts', // @pulumi/aws's install script would download a plugin
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { cwd: app, stdio: 'inherit' },
  );

  writeFileSync(
    join(app, 'program.cjs'),
    `
const pulumi = require('@pulumi/pulumi');
const path = require('node:path');
const created = [];
pulumi.runtime.setMocks({
  newResource: args => {
    created.push(args.type);
    const name = args.inputs.name ?? args.name;
    return { id: args.name + '-id', state: { ...args.inputs,
      arn: 'arn:aws:ecr:eu-west-1:111111111111:repository/' + name,
      repositoryUrl: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/' + name,
      registryId: '111111111111' } };
  },
  call: args => args.token === 'aws:index/getCallerIdentity:getCallerIdentity'
    ? { accountId: '111111111111' } : args.inputs,
}, 'pack', 'check', false);
const { Repository, Registry, PullThroughCache } = require('@ecr-kit/pulumi');
// One @pulumi/pulumi: the component package resolves the program's copy.
const fromComponent = require.resolve('@pulumi/pulumi', {
  paths: [path.dirname(require.resolve('@ecr-kit/pulumi'))],
});
if (fromComponent !== require.resolve('@pulumi/pulumi')) {
  throw new Error('a second @pulumi/pulumi: ' + fromComponent);
}
const main = new Registry('main', { accountId: '111111111111', region: 'eu-west-1' });
new PullThroughCache('cache', { registry: main, rules: [{ upstream: 'ecr-public' }] });
const repository = new Repository('api', { name: 'team/api' });
repository.repositoryUrl.apply(url => {
  setTimeout(() => {
    const expected = [
      'aws:ecr/repository:Repository',
      'aws:ecr/pullThroughCacheRule:PullThroughCacheRule',
      'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
      'aws:iam/role:Role',
    ];
    const missing = expected.filter(t => !created.includes(t));
    if (missing.length > 0) {
      console.error('missing resources: ' + missing.join(', '));
      process.exit(1);
    }
    console.log('program under mocks: ' + url + ', ' + created.length + ' resources');
  }, 200);
});
`,
  );
  step('node program.cjs');
  execFileSync(process.execPath, ['program.cjs'], {
    cwd: app,
    stdio: 'inherit',
  });
  step('ok');
} finally {
  rmSync(work, { recursive: true, force: true });
}
