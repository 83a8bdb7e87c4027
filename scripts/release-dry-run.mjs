#!/usr/bin/env node
// The release, rehearsed without publishing: `npm run release:dry-run`.
// 1. `changeset version` in a scratch git worktree of this checkout's tracked files (the
//    checkout itself is never touched):
//    every publishable package gets a new version above its current one and a CHANGELOG.md
//    whose entries are the summaries of the changesets that name it.
// 2. (in `npm run test:adopter`) `npm publish --dry-run` of each packed tarball.
// Exits non-zero, naming the package, when a step fails.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const readJson = path => JSON.parse(readFileSync(path, 'utf8'));

function run(command, args, cwd, { quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})\n${result.stderr ?? ''}`,
    );
  }
  return result.stdout ?? '';
}

const published = readJson(join(root, 'package.json'))
  .workspaces.map(dir => ({
    dir,
    pkg: readJson(join(root, dir, 'package.json')),
  }))
  .filter(({ pkg }) => !pkg.private);

/** Packages a changeset bumps as major. */
const majors = new Set();

/** Changeset summaries per package name, read from .changeset/*.md. */
function pendingChangesets() {
  const byPackage = new Map();
  const dir = join(root, '.changeset');
  for (const file of readdirSync(dir).filter(f => f.endsWith('.md'))) {
    if (file === 'README.md') continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`.changeset/${file}: no front matter`);
    const summary = match[2].trim().split('\n')[0];
    for (const line of match[1].split('\n')) {
      const name = /^['"]?([^'":]+)['"]?:\s*(major|minor|patch)$/.exec(
        line.trim(),
      );
      if (!name) continue;
      if (name[2] === 'major') majors.add(name[1]);
      byPackage.set(name[1], [...(byPackage.get(name[1]) ?? []), summary]);
    }
  }
  return byPackage;
}

const scratch = mkdtempSync(join(tmpdir(), 'ecr-kit-release-'));
const worktree = join(scratch, 'repo');
let failures = 0;
try {
  // The working tree as it is (tracked files), without touching it: `git stash create`
  // makes a commit of it, or prints nothing when it is clean.
  const dirty = run(
    'git',
    ['status', '--porcelain', '--untracked-files=no'],
    root,
    { quiet: true },
  ).trim();
  // `git stash create` records a commit, which needs an identity a CI clone may not have.
  let tree = 'HEAD';
  if (dirty) {
    try {
      tree = run(
        'git',
        [
          '-c',
          'user.name=release-dry-run',
          '-c',
          'user.email=release-dry-run@localhost',
          'stash',
          'create',
        ],
        root,
        { quiet: true },
      ).trim();
    } catch (error) {
      console.warn(
        `release dry run of HEAD: the uncommitted changes could not be recorded (${error.message.split('\n')[0]})`,
      );
    }
  }
  run('git', ['worktree', 'add', '--detach', worktree, tree], root, {
    quiet: true,
  });
  // changesets reads the workspace from package.json files; tools come from this checkout.
  symlinkSync(
    join(root, 'node_modules'),
    join(worktree, 'node_modules'),
    'dir',
  );
  const changesetBin = join(root, 'node_modules/@changesets/cli/bin.js');
  run(process.execPath, [changesetBin, 'version'], worktree, { quiet: true });

  const summaries = pendingChangesets();
  console.log(
    'package                                                     version',
  );
  for (const { dir, pkg } of published) {
    const next = readJson(join(worktree, dir, 'package.json'));
    const changelogPath = join(worktree, dir, 'CHANGELOG.md');
    const changelog = existsSync(changelogPath)
      ? readFileSync(changelogPath, 'utf8')
      : '';
    const expected = summaries.get(pkg.name) ?? [];
    const problems = [];
    const major = v => Number(v.split('.')[0]);
    if (major(next.version) > major(pkg.version) && !majors.has(pkg.name)) {
      // e.g. changesets bumping a peer dependent: a 1.0.0 nobody asked for.
      problems.push(
        `goes to ${next.version} although no changeset asks for a major`,
      );
    }
    if (expected.length > 0 && next.version === pkg.version) {
      problems.push('has changesets but kept its version');
    }
    if (expected.length > 0 && !changelog.includes(`## ${next.version}`)) {
      problems.push(`CHANGELOG.md has no "## ${next.version}" section`);
    }
    for (const summary of expected) {
      if (!changelog.includes(summary)) {
        problems.push(`CHANGELOG.md lacks the entry "${summary}"`);
      }
    }
    console.log(
      `${pkg.name.padEnd(60)} ${pkg.version} → ${next.version}  (${expected.length} changesets)`,
    );
    for (const problem of problems) console.error(`  ✖ ${problem}`);
    failures += problems.length;
  }
  if (failures > 0)
    throw new Error(`${failures} problem(s) in the versioned packages`);

  console.log('Release dry run passed.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
  rmSync(scratch, { recursive: true, force: true });
}
