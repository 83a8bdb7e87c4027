// Issue 13, finding 10: what an adopter installs. The tarball itself is checked by
// `npm run test:pack` (scripts/pack-install.mjs); these are the rules it relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  readonly name: string;
  readonly files: string[];
  readonly engines?: Record<string, string>;
  readonly scripts: Record<string, string>;
  readonly exports: Record<string, string | Record<string, string>>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly devDependencies?: Record<string, string>;
}
const read = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(__dirname, '..', dir, 'package.json'), 'utf8'));
const component = read('.');
const standard = read('../ecr-standard');

describe.each([component, standard])('$name', manifest => {
  it('packs every file its exports point to, and builds before packing', () => {
    const targets = Object.values(manifest.exports).flatMap(target =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    for (const target of targets) {
      const top = target.replace(/^\.\//, '').split('/')[0];
      expect({
        target,
        packed: manifest.files.includes(top) || top === 'package.json',
      }).toEqual({
        target,
        packed: true,
      });
    }
    // Builds it (and what it depends on) first, then drops the workspace-only
    // `@ecr-kit/source` condition from the packed manifest; postpack puts it back.
    expect(manifest.scripts.prepack).toBe(
      `turbo run build --filter=${manifest.name} --output-logs=errors-only && node ../scripts/pack-manifest.mjs prepack`,
    );
    expect(manifest.scripts.postpack).toBe(
      'node ../scripts/pack-manifest.mjs postpack',
    );
  });

  it('states the Node versions it supports', () => {
    expect(manifest.engines?.node).toBe('>=22');
  });
});

describe('@ecr-kit/pulumi dependencies', () => {
  it('takes @pulumi/pulumi and @pulumi/aws from the program (peers), never a copy of its own', () => {
    for (const name of ['@pulumi/pulumi', '@pulumi/aws']) {
      expect(component.dependencies?.[name]).toBeUndefined();
      expect(component.peerDependencies?.[name]).toMatch(/^\^\d+\.\d+\.\d+$/);
      // The workspace tests the lowest version of the range.
      expect(component.devDependencies?.[name]).toBe(
        component.peerDependencies?.[name],
      );
    }
    expect(Object.keys(component.dependencies ?? {})).toEqual([
      '@ecr-kit/ecr-standard',
    ]);
  });

  it('needs the simulator only for its testing entry point', () => {
    for (const name of ['@ecr-kit/local-ecr-api', '@aws-sdk/client-ecr']) {
      expect(component.peerDependenciesMeta?.[name]?.optional).toBe(true);
    }
  });
});
