#!/usr/bin/env node
// Writes the API report of every published package (`report.api.md`, `report-<entry>.api.md`
// for an entry point such as `./testing`): `npm run api-reports`. With `--ci`
// (`npm run api-reports:check`, part of `npm test`) nothing is written; it fails when a report
// is missing, stale or out of date, when an export has no release tag, or when an entry point
// leaves a type it uses unexported.
//
// Backstage packages go through `backstage-repo-tools api-reports`. It skips packages without
// a `backstage.role` and reads only string `exports`, so the other published packages
// (conditional `exports`) go through the API Extractor that repo-tools uses, with its settings.
// Both read declarations from dist-types/, written here by each package's tsconfig.build.json
// without type checking (`npm run typecheck` does that).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

const ci = process.argv.includes('--ci');
const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
// The API Extractor of repo-tools, so that every report comes from one version.
const repoToolsDir = resolve(
  require.resolve('@backstage/repo-tools/package.json'),
  '..',
);
const { CompilerState, Extractor, ExtractorConfig } = createRequire(
  join(repoToolsDir, 'package.json'),
)('@microsoft/api-extractor');
const prettier = require('prettier');
const tsc = require.resolve('typescript/bin/tsc');
const reportFilePattern = /^report(-[^.]+)?\.api\.md$/;
// As repo-tools' changelog advises: members without TSDoc show as `(undocumented)` in the
// report instead of failing it, and declarations read from a workspace package's TypeScript
// source (`types: src/index.ts`, the `@ecr-kit/source` condition) are not an error.
const omittedMessages = ['ae-undocumented', 'ae-wrong-input-file-type'];

const readJson = path => JSON.parse(readFileSync(path, 'utf8'));
const packages = readJson(join(root, 'package.json'))
  .workspaces.map(dir => ({
    dir,
    pkg: readJson(join(root, dir, 'package.json')),
  }))
  .filter(({ pkg }) => !pkg.private);
const backstagePackages = packages.filter(({ pkg }) => pkg.backstage?.role);
const otherPackages = packages.filter(({ pkg }) => !pkg.backstage?.role);

/** Runs `node <args>` from `cwd`, resolving to its exit code. */
function run(args, cwd) {
  return new Promise(done => {
    spawn(process.execPath, args, { cwd, stdio: 'inherit' }).on('exit', done);
  });
}

/** Each package's declarations into dist-types/<dir>/src, two compilations at a time. */
async function writeDeclarations() {
  const queue = packages.map(({ dir, pkg }) =>
    pkg.backstage?.role
      ? { dir, args: [] } // tsconfig.build.json already writes ../dist-types
      : {
          dir,
          args: [
            '--emitDeclarationOnly',
            '--declarationMap',
            'false',
            // Workspace dependencies from source, as tests and typecheck read them: the
            // declarations come out the same, and nothing needs building first.
            '--customConditions',
            '@ecr-kit/source',
            '--outDir',
            join(root, 'dist-types', dir, 'src'),
          ],
        },
  );
  const failed = [];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const args = [tsc, '-p', 'tsconfig.build.json', '--noCheck', ...job.args];
      if ((await run(args, join(root, job.dir))) !== 0) failed.push(job.dir);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(2, availableParallelism()) }, worker),
  );
  if (failed.length > 0) {
    throw new Error(
      `Declarations could not be written for ${failed.join(', ')}`,
    );
  }
}

/** The entry points of a package: `.` is `index`, `./testing` is `testing`. */
function entryPoints({ dir, pkg }) {
  const exports = pkg.exports ?? {
    '.': { '@ecr-kit/source': './src/index.ts' },
  };
  return Object.entries(exports).flatMap(([mount, target]) => {
    const source =
      typeof target === 'string' ? target : target['@ecr-kit/source'];
    if (!source?.match(/\.tsx?$/)) return [];
    const name = mount === '.' ? 'index' : mount.replace(/^\.\//, '');
    return [
      {
        name,
        reportFileName:
          name === 'index' ? 'report.api.md' : `report-${name}.api.md`,
        declarations: join(
          root,
          'dist-types',
          dir,
          source.replace(/\.tsx?$/, '.d.ts'),
        ),
      },
    ];
  });
}

/** API Extractor on the packages that repo-tools skips, with repo-tools' settings. */
async function reportOtherPackages() {
  const tmpDir = join(root, 'node_modules/.cache/api-reports');
  rmSync(tmpDir, { recursive: true, force: true });
  const all = otherPackages.flatMap(p =>
    entryPoints(p).map(e => ({ ...p, ...e })),
  );
  const problems = [];
  let compilerState;
  for (const { dir, name, reportFileName, declarations } of all) {
    console.log(`## Processing ${dir}${name === 'index' ? '' : ` (${name})`}`);
    const projectFolder = join(root, dir);
    const reportFolder = join(tmpDir, dir);
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder,
        mainEntryPointFilePath: declarations,
        bundledPackages: [],
        compiler: {
          overrideTsconfig: {
            extends: require.resolve('@ecr-kit/tsconfig/base.json'),
            compilerOptions: { types: ['node'] },
            files: all.map(e => e.declarations),
          },
        },
        // The report lands in the temporary folder; it is formatted and compared below.
        apiReport: {
          enabled: true,
          reportFileName: reportFileName.replace(/\.api\.md$/, ''),
          reportFolder,
          reportTempFolder: reportFolder,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'none' } },
          extractorMessageReporting: {
            default: { logLevel: 'warning', addToApiReportFile: true },
            ...Object.fromEntries(
              omittedMessages.map(id => [id, { logLevel: 'none' }]),
            ),
          },
          tsdocMessageReporting: {
            default: { logLevel: 'warning', addToApiReportFile: true },
          },
        },
        newlineKind: 'lf',
      },
      packageJsonFullPath: join(projectFolder, 'package.json'),
    });
    compilerState ??= CompilerState.create(config, {
      additionalEntryPoints: all.map(e => e.declarations),
    });
    const result = Extractor.invoke(config, {
      localBuild: true,
      compilerState,
      showVerboseMessages: false,
    });
    if (!result.succeeded) {
      problems.push(
        `${dir}: API Extractor reported ${result.errorCount} errors`,
      );
      continue;
    }
    const generated = join(reportFolder, reportFileName);
    const report = await prettier.format(readFileSync(generated, 'utf8'), {
      ...(await prettier.resolveConfig(join(root, 'report.api.md'))),
      parser: 'markdown',
    });
    await writeFile(generated, report);
    const committedPath = join(projectFolder, reportFileName);
    const committed = existsSync(committedPath)
      ? readFileSync(committedPath, 'utf8')
      : undefined;
    if (report !== committed) {
      if (ci) {
        problems.push(
          `${dir}/${reportFileName} is ${committed === undefined ? 'missing' : 'out of date'}`,
        );
        const before = committed === undefined ? '/dev/null' : committedPath;
        spawnSync('git', ['diff', '--no-index', before, generated], {
          stdio: 'inherit',
        });
      } else {
        await writeFile(committedPath, report);
        console.log(`Wrote ${dir}/${reportFileName}`);
      }
    }
    if (report.includes('// Warning:')) {
      problems.push(`${dir}/${reportFileName} has warnings (see the report)`);
    }
    if (name === 'index' && /^\/\/ @(alpha|beta)\b/m.test(report)) {
      problems.push(
        `${dir}/${reportFileName}: the main entry point exports only @public`,
      );
    }
  }
  for (const { dir } of otherPackages) {
    const expected = new Set(
      all.filter(e => e.dir === dir).map(e => e.reportFileName),
    );
    for (const file of readdirSync(join(root, dir)).filter(f =>
      reportFilePattern.test(f),
    )) {
      if (expected.has(file)) continue;
      if (ci)
        problems.push(`${dir}/${file} belongs to no entry point: delete it`);
      else {
        rmSync(join(root, dir, file));
        console.log(`Deleted ${dir}/${file}`);
      }
    }
  }
  return problems;
}

await writeDeclarations();

console.log('# Backstage packages (backstage-repo-tools api-reports)');
const repoTools = join(repoToolsDir, 'bin/backstage-repo-tools');
const repoToolsArgs = [
  'api-reports',
  '--validate-release-tags',
  ...['--omit-messages', omittedMessages.join(',')],
  ...(ci ? ['--ci'] : []),
];
const repoToolsCode = await run(
  [repoTools, ...repoToolsArgs, ...backstagePackages.map(({ dir }) => dir)],
  root,
);

console.log('# Other published packages (API Extractor)');
const problems = await reportOtherPackages();
if (repoToolsCode !== 0)
  problems.unshift('backstage-repo-tools api-reports failed (above)');
if (problems.length > 0) {
  console.error(`\n${problems.map(p => `✖ ${p}`).join('\n')}`);
  console.error(
    ci
      ? '\nRun `npm run api-reports`, then review and commit the reports with the change.'
      : '\nFix the warnings in the source (TSDoc release tags, exported types).',
  );
  process.exitCode = 1;
} else {
  console.log(`\nAPI reports ${ci ? 'match the code' : 'are up to date'}.`);
}
