#!/usr/bin/env node
// `npm run test:adopter`: what an adopter gets from npm. Builds the published packages, packs
// each one (`npm pack`, with its prepack/postpack scripts), checks every tarball — each path
// its package.json names is in the tarball, no `@ecr-kit/source` export condition, every
// source map carries its sources or points at shipped files — then installs all tarballs into
// a scratch project outside the workspace (so only declared dependencies resolve) and there:
// checks that every bare import of the shipped .js/.d.ts files is a declared dependency (and
// every dependency is imported),
// imports each package's entry point with this Node, runs `npx local-ecr-api` until it
// listens, starts a Backstage backend of the tarballs against it (scripts/adopter-backend.mjs),
// builds and renders the app package with the ECR plugin in Chromium
// (scripts/adopter-frontend.mjs) and runs a Pulumi program (scripts/adopter-pulumi.mjs).
// Needs the npm registry (or a warm npm cache: `--prefer-offline`), PostgreSQL and Chromium.
// Stops what it started and removes its temp folders whatever fails (ADOPTER_KEEP=1 keeps the
// scratch folder and prints where it is, for working on a step; ADOPTER_TARBALLS=<its
// tarballs folder> then reuses the tarballs of such a run instead of building and packing);
// gives up after 10 minutes.
import { spawn } from 'node:child_process';
import { BACKEND_PACKAGES, ENTITY, checkBackend } from './adopter-backend.mjs';
import {
  buildFrontend,
  renderFrontend,
  startDevServer,
  writeFrontend,
} from './adopter-frontend.mjs';
import { filesBelow, freePort } from './adopter-util.mjs';
import { checkPulumiProgram } from './adopter-pulumi.mjs';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = [
  'ecr-standard',
  'local-ecr-api',
  'pulumi-component',
  'pulumi-policy',
  'backstage-common',
  'backstage-node',
  'backstage-backend',
  'backstage-plugin',
  'backstage-catalog-module',
  'backstage-scaffolder-module',
  'backstage-tech-insights-module',
];
const SOURCE_CONDITION = '@ecr-kit/source';
const WATCHDOG_MS = 10 * 60_000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Children run this Node (22), not whatever `node` comes first on PATH.
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  TURBO_TELEMETRY_DISABLED: '1',
};

const started = Date.now();
const seconds = since => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const step = message => console.log(`[${seconds(started)}] ${message}`);

const children = new Set();
const work = mkdtempSync(join(tmpdir(), 'ecr-kit-adopter-'));

/** Runs a command to its end; rejects with its output when it fails. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code => {
      children.delete(child);
      if (code === 0) resolve(stdout);
      else {
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${options.cwd ?? root}) exited with ${code}\n${stdout}${stderr}`,
          ),
        );
      }
    });
  });
}

function cleanUp() {
  for (const child of children) {
    try {
      // Detached children lead a process group of their own.
      process.kill(
        child.spawnargs && child.pid ? -child.pid : child.pid,
        'SIGKILL',
      );
    } catch {
      child.kill('SIGKILL');
    }
  }
  // A pack that failed between prepack and postpack leaves the original manifest aside.
  for (const dir of PACKAGES) {
    const backup = join(root, dir, 'package.json-prepack');
    if (existsSync(backup)) renameSync(backup, join(root, dir, 'package.json'));
  }
  if (process.env.ADOPTER_KEEP === '1') console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`adopter test: ${signal}, stopping`);
    cleanUp();
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  console.error(
    `adopter test: no result after ${WATCHDOG_MS / 60_000} minutes, stopping`,
  );
  cleanUp();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

/** The paths a manifest names (main, types, module, bin, exports, typesVersions, …). */
function namedPaths(manifest, problems) {
  const paths = [];
  for (const field of ['main', 'types', 'typings', 'module', 'browser']) {
    if (typeof manifest[field] === 'string')
      paths.push([field, manifest[field]]);
  }
  if (typeof manifest.configSchema === 'string') {
    paths.push(['configSchema', manifest.configSchema]);
  }
  const bin =
    typeof manifest.bin === 'string'
      ? { [manifest.name]: manifest.bin }
      : manifest.bin;
  for (const [name, path] of Object.entries(bin ?? {}))
    paths.push([`bin.${name}`, path]);
  const visit = (value, where) => {
    if (typeof value === 'string') paths.push([where, value]);
    else if (Array.isArray(value))
      value.forEach((v, i) => visit(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        if (key === SOURCE_CONDITION) {
          problems.push(
            `${where} has the workspace-only "${SOURCE_CONDITION}" condition`,
          );
        }
        visit(entry, `${where}.${key}`);
      }
    }
  };
  visit(manifest.exports, 'exports');
  visit(manifest.typesVersions, 'typesVersions');
  // Patterns (`./*`) are not single files.
  return paths.filter(([, path]) => !path.includes('*'));
}

/** Problems of one unpacked tarball (`dir` is its `package/` folder). */
function checkTarball(dir) {
  const problems = [];
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const files = new Set(filesBelow(dir));
  const has = path => {
    const normal = posix.normalize(path).replace(/^\.\//, '');
    return (
      files.has(normal) || [...files].some(f => f.startsWith(`${normal}/`))
    );
  };
  for (const [field, path] of namedPaths(manifest, problems)) {
    if (!has(path))
      problems.push(`${field} names ${path}, which is not in the tarball`);
  }
  for (const file of files) {
    if (!file.endsWith('.map')) continue;
    const map = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const sources = map.sources ?? [];
    sources.forEach((source, index) => {
      if (typeof map.sourcesContent?.[index] === 'string') return;
      const path = posix.join(
        posix.dirname(file),
        map.sourceRoot ?? '',
        source,
      );
      if (!files.has(path)) {
        problems.push(
          `${file} refers to ${source}, which is neither shipped nor inlined`,
        );
      }
    });
  }
  return { manifest, problems };
}

const BARE_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'".][^'"]*)['"]/gm;

/** The packages (with the file importing each first) the shipped .js/.d.ts files import. */
function importedFiles(packageDir) {
  const imported = new Map();
  for (const file of filesBelow(packageDir)) {
    if (file.startsWith('node_modules/') || !/\.(c|m)?js$|\.d\.ts$/.test(file))
      continue;
    // Without comments: prose such as `from "empty"` is no import.
    const text = readFileSync(join(packageDir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
    for (const [, specifier] of text.matchAll(BARE_IMPORT)) {
      if (
        specifier.startsWith('node:') ||
        builtinModules.includes(specifier.split('/')[0])
      ) {
        continue;
      }
      const parts = specifier.split('/');
      const name = specifier.startsWith('@')
        ? parts.slice(0, 2).join('/')
        : parts[0];
      if (!imported.has(name)) imported.set(name, file);
    }
  }
  return imported;
}

function importedPackages(packageDir) {
  return [...importedFiles(packageDir).keys()];
}

/** Whether Node's lookup (node_modules folders upwards) finds `name` from `dir`. */
function installedFrom(dir, name) {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', name, 'package.json'))) return true;
    if (dirname(at) === at) return false;
  }
}

/** Packages the shipped .js/.d.ts files import without the manifest declaring them. */
function undeclaredImports(packageDir, manifest) {
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const missing = [];
  for (const [name, file] of importedFiles(packageDir)) {
    const types = name.startsWith('@types/')
      ? name
      : `@types/${name.replace('@', '').replace('/', '__')}`;
    if (!declared.has(name) && !declared.has(types)) {
      missing.push(`imports ${name} (${file}) but does not declare it`);
    }
  }
  return missing;
}

/**
 * Dependencies no shipped file imports: needed only to build or test (devDependencies), or
 * not at all. A type-only import is erased from the .js and is in the .d.ts only when the
 * package's own types use it.
 */
function unusedDependencies(packageDir, manifest) {
  const imported = new Set(importedFiles(packageDir).keys());
  return Object.keys(manifest.dependencies ?? {})
    .filter(name => {
      const typed = name.startsWith('@types/')
        ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2')
        : name;
      return !imported.has(name) && !imported.has(typed);
    })
    .map(
      name =>
        `declares ${name} as a dependency, but no shipped file imports it (a devDependency?)`,
    );
}

/**
 * The Backstage release the workspace is on: every `@backstage/*` and `@backstage-community/*`
 * package its lockfile holds in one version, at that version. Without it, a fresh install
 * mixes in packages of a newer release (caret ranges float), as `backstage-cli versions:bump`
 * would not: e.g. `@backstage/core-plugin-api` 1.13 with the 1.55 app, where a core component
 * finds no app context.
 */
function backstageRelease() {
  const lock = JSON.parse(
    readFileSync(join(root, 'package-lock.json'), 'utf8'),
  );
  const versions = new Map();
  for (const [path, { version }] of Object.entries(lock.packages)) {
    const at = path.lastIndexOf('node_modules/');
    const name = path.slice(at + 'node_modules/'.length);
    if (at < 0 || !/^@backstage(-community)?\//.test(name)) continue;
    versions.set(name, (versions.get(name) ?? new Set()).add(version));
  }
  return Object.fromEntries(
    [...versions]
      .filter(([, found]) => found.size === 1)
      .map(([name, found]) => [name, [...found][0]]),
  );
}

/** Builds the published packages and packs each into `tarballDir`. */
async function buildAndPack(tarballDir) {
  step(`build the published packages (turbo)`);
  await run('npx', [
    '--no-install',
    'turbo',
    'run',
    'build',
    ...PACKAGES.map(dir => `--filter=./${dir}`),
    '--output-logs=errors-only',
  ]);

  const packed = [];
  for (const dir of PACKAGES) {
    const cwd = join(root, dir);
    const before = readFileSync(join(cwd, 'package.json'), 'utf8');
    const out = await run(
      npm,
      ['pack', '--json', '--pack-destination', tarballDir],
      { cwd },
    );
    // Lifecycle scripts print to stdout too; the JSON report is the last thing printed.
    const [{ filename, name, files, size, unpackedSize }] = JSON.parse(
      out.slice(out.search(/^\[\s*\{/m)),
    );
    if (readFileSync(join(cwd, 'package.json'), 'utf8') !== before) {
      throw new Error(
        `npm pack left ${dir}/package.json changed (postpack did not restore it)`,
      );
    }
    packed.push({ dir, name, file: join(tarballDir, filename) });
    console.log(
      `  ${filename}: ${files.length} files, ${(size / 1024).toFixed(0)} kB packed, ${(unpackedSize / 1024).toFixed(0)} kB unpacked`,
    );
  }
  return packed;
}

/** The tarballs of a kept run (ADOPTER_TARBALLS), copied into `tarballDir`. */
function reuseTarballs(from, tarballDir) {
  return PACKAGES.map(dir => {
    const { name, version } = JSON.parse(
      readFileSync(join(root, dir, 'package.json'), 'utf8'),
    );
    const filename = `${name.replace('@', '').replace('/', '-')}-${version}.tgz`;
    const file = join(tarballDir, filename);
    copyFileSync(join(from, filename), file);
    return { dir, name, file };
  });
}

async function main() {
  const tarballDir = join(work, 'tarballs');
  mkdirSync(tarballDir);
  const packed = process.env.ADOPTER_TARBALLS
    ? reuseTarballs(process.env.ADOPTER_TARBALLS, tarballDir)
    : await buildAndPack(tarballDir);

  step(
    'check each tarball: named paths exist, no source condition, source maps complete',
  );
  const failures = [];
  for (const tarball of packed) {
    const unpacked = join(work, 'unpacked', tarball.dir);
    mkdirSync(unpacked, { recursive: true });
    await run('tar', ['-xzf', tarball.file, '-C', unpacked]);
    const { problems } = checkTarball(join(unpacked, 'package'));
    failures.push(...problems.map(problem => `${tarball.name}: ${problem}`));
  }
  if (failures.length > 0)
    throw new Error(`bad tarballs:\n  ${failures.join('\n  ')}`);

  step(
    'npm publish --dry-run of each tarball (the release path, no registry write)',
  );
  for (const tarball of packed) {
    const out = await run(
      npm,
      ['publish', tarball.file, '--dry-run', '--json', '--tag', 'next'],
      { cwd: work },
    );
    const report = JSON.parse(out.slice(out.indexOf('{')));
    const info = report[tarball.name] ?? report;
    if (info.name !== tarball.name) {
      throw new Error(
        `npm publish --dry-run of ${tarball.file} reported ${out}`,
      );
    }
    console.log(`  ${info.name}@${info.version}: ${info.entryCount} files`);
  }

  step('install the tarballs into a scratch project outside the workspace');
  const app = join(work, 'app');
  mkdirSync(app);
  const tarballs = Object.fromEntries(
    packed.map(p => [p.name, `file:${p.file}`]),
  );
  // What a Backstage app brings, at the versions the workspace's lockfile resolves for the
  // demo portal's app (or, for packages it does not use, for the workspace root). Like the
  // workspace (and Backstage apps), it overrides React for Material UI 4's `react@^17` peer.
  const demoApp = createRequire(
    join(root, 'examples', 'demo-portal', 'app', 'package.json'),
  );
  const workspaceVersion = name => {
    let path;
    try {
      path = demoApp.resolve(`${name}/package.json`);
    } catch {
      path = join(root, 'node_modules', name, 'package.json');
    }
    return JSON.parse(readFileSync(path, 'utf8')).version;
  };
  const spec = name => tarballs[name] ?? workspaceVersion(name);
  const appDependencies = Object.fromEntries(
    ['react', 'react-dom', 'react-router-dom', ...BACKEND_PACKAGES].map(
      name => [name, workspaceVersion(name)],
    ),
  );
  // As `@backstage/create-app` lays it out: a workspace root (here also the backend) and the
  // frontend in packages/app.
  const frontendDir = writeFrontend(app, spec);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'ecr-kit-adopter',
        private: true,
        workspaces: ['packages/app'],
        // The backend side: every tarball but the frontend plugin (packages/app has it).
        dependencies: {
          ...Object.fromEntries(
            Object.entries(tarballs).filter(
              ([name]) => name !== '@ecr-kit/backstage-plugin-ecr',
            ),
          ),
          ...appDependencies,
        },
        overrides: {
          ...backstageRelease(),
          // The tarballs' dependencies on each other resolve to the tarballs, never the registry.
          ...tarballs,
          react: '$react',
          'react-dom': '$react-dom',
          // What Backstage's React 18 migration guide adds to an app's root (`resolutions`
          // with Yarn): Material UI 4 still names `@types/react@^17` as optional peer.
          '@types/react': workspaceVersion('@types/react'),
          '@types/react-dom': workspaceVersion('@types/react-dom'),
        },
      },
      null,
      2,
    ),
  );
  const installStarted = Date.now();
  await run(
    npm,
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      // @pulumi/aws's install script would download a Pulumi plugin.
      '--ignore-scripts',
      '--loglevel=error',
    ],
    { cwd: app },
  );
  const installTime = seconds(installStarted);
  const [size] = (await run('du', ['-sk', join(app, 'node_modules')])).split(
    '\t',
  );
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  const installedCount = Object.keys(lock.packages).filter(
    key => key !== '',
  ).length;
  console.log(
    `  install: ${installTime}, ${installedCount} packages, node_modules ${(Number(size) / 1024).toFixed(0)} MB`,
  );

  step(
    'every bare import of the shipped files is a declared dependency, every dependency is imported',
  );
  for (const { name } of packed) {
    const packageDir = join(app, 'node_modules', name);
    const manifest = JSON.parse(
      readFileSync(join(packageDir, 'package.json'), 'utf8'),
    );
    failures.push(
      ...[
        ...undeclaredImports(packageDir, manifest),
        ...unusedDependencies(packageDir, manifest),
      ].map(problem => `${name}: ${problem}`),
    );
  }
  if (failures.length > 0)
    throw new Error(
      `dependencies not exactly declared:\n  ${failures.join('\n  ')}`,
    );

  step(
    `import each package's entry point (Node ${process.version}, from the scratch project)`,
  );
  for (const { name } of packed) {
    const packageDir = join(app, 'node_modules', name);
    const manifest = JSON.parse(
      readFileSync(join(packageDir, 'package.json'), 'utf8'),
    );
    if (manifest.backstage?.role === 'frontend-plugin') {
      // Built for a bundler (extensionless ESM imports), so Node cannot load it: check that
      // each package it imports is installed where a bundler looks for it.
      const unresolved = importedPackages(packageDir).filter(
        dependency => !installedFrom(packageDir, dependency),
      );
      for (const dependency of unresolved) {
        failures.push(
          `${name}: ${dependency} is not installed where it can see it`,
        );
      }
      console.log(
        `  ${name}: its imports resolve (frontend: bundled and rendered below)`,
      );
      continue;
    }
    const out = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(name)}); console.log(Object.keys(m).length);`,
      ],
      { cwd: app },
    ).catch(error => {
      failures.push(
        `${name}: import failed: ${error.message.split('\n').slice(1, 6).join('\n')}`,
      );
      return undefined;
    });
    if (out !== undefined) console.log(`  ${name}: ${out.trim()} exports`);
  }
  if (failures.length > 0)
    throw new Error(`imports failed:\n  ${failures.join('\n  ')}`);

  step(
    'npx local-ecr-api --port 0 --fixture example (from the installed tarball)',
  );
  const url = await new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      ['--no-install', 'local-ecr-api', '--port', '0', '--fixture', 'example'],
      {
        cwd: app,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: stopping npx stops the server it started.
        detached: true,
      },
    );
    children.add(child);
    let output = '';
    const timer = setTimeout(
      () =>
        reject(new Error(`local-ecr-api printed no URL in 30 s:\n${output}`)),
      30_000,
    );
    const read = chunk => {
      output += chunk;
      const match = /listening on (http\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], line: output.trim().split('\n')[0] });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', code => {
      children.delete(child);
      clearTimeout(timer);
      reject(
        new Error(
          `local-ecr-api exited with ${code} before listening:\n${output}`,
        ),
      );
    });
  });
  console.log(`  ${url.line}`);

  step(
    'a Backstage backend of the tarballs (catalog, scaffolder, auth, app, the ECR plugin and module) on PostgreSQL, against that local ECR; the app package with the ECR plugin, built and rendered',
  );
  const track = child => {
    children.add(child);
    child.once('close', () => children.delete(child));
  };
  // The app's development server, on a port of its own (app.baseUrl of a config layered on
  // the backend's, as an adopter's app-config.local.yaml would).
  const devUrl = `http://127.0.0.1:${await freePort()}`;
  const devConfigPath = join(app, 'app-config.development.json');
  writeFileSync(
    devConfigPath,
    JSON.stringify({
      app: {
        baseUrl: devUrl,
        listen: { host: '127.0.0.1', port: Number(new URL(devUrl).port) },
      },
    }),
  );
  let configPath;
  await checkBackend({
    app,
    ecrUrl: url.url,
    track,
    corsOrigin: devUrl,
    log: line => console.log(`  ${line}`),
    beforeStart: async path => {
      configPath = path;
      const bundle = await buildFrontend({
        dir: frontendDir,
        configPath,
        run,
      });
      console.log(
        `  packages/app (new-system and legacy apps): backstage-cli package build ${bundle.seconds.toFixed(1)} s, ${bundle.files} scripts, ${(bundle.kib / 1024).toFixed(2)} MiB`,
      );
    },
    whileRunning: async baseUrl => {
      const devStarted = Date.now();
      const stopDevServer = await startDevServer({
        dir: frontendDir,
        configPaths: [configPath, devConfigPath],
        url: devUrl,
        env,
        track,
      });
      console.log(
        `  packages/app: backstage-cli package start serves ${devUrl} after ${seconds(devStarted)}`,
      );
      try {
        await renderFrontend({
          builds: [
            { name: 'production bundle', url: baseUrl },
            { name: 'development server', url: devUrl },
          ],
          entityPath: ENTITY.path,
          tags: ENTITY.tags,
          log: line => console.log(`  ${line}`),
        });
      } finally {
        await stopDevServer();
      }
    },
  });
  const stopped = new Promise(resolve => url.child.once('close', resolve));
  process.kill(-url.child.pid, 'SIGTERM');
  await stopped;
  console.log('  stopped');

  step('a Pulumi program of @ecr-kit/pulumi under pulumi.runtime.setMocks');
  const program = await checkPulumiProgram({ app, track });
  console.log(
    `  ${program.created.length} resources (${program.created.join(', ')}); annotation ${program.arn}`,
  );

  step(`ok: ${packed.length} packages packed, checked, installed and loaded`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`adopter test FAILED: ${error.message}`);
  exitCode = 1;
} finally {
  cleanUp();
  clearTimeout(watchdog);
}
console.log(`total: ${seconds(started)}`);
process.exit(exitCode);
