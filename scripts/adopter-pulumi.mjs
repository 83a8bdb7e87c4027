// The adopter test's Pulumi step (scripts/adopter-test.mjs): a Pulumi program of the installed
// `@ecr-kit/pulumi` tarball under `pulumi.runtime.setMocks`, with the `@pulumi/pulumi` and
// `@pulumi/aws` the program brings (peer dependencies). It checks the resources a standard
// repository is made of and the catalog annotation it hands to Backstage.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROGRAM = `const pulumi = require('@pulumi/pulumi');
const created = [];
pulumi.runtime.setMocks(
  {
    newResource: args => {
      created.push(args.type);
      const name = args.inputs.name ?? args.name;
      return {
        id: args.name + '-id',
        state: {
          ...args.inputs,
          arn: 'arn:aws:ecr:eu-west-1:111122223333:repository/' + name,
          repositoryUrl: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/' + name,
          registryId: '111122223333',
        },
      };
    },
    call: args =>
      args.token === 'aws:index/getCallerIdentity:getCallerIdentity'
        ? { accountId: '111122223333' }
        : args.inputs,
  },
  'adopter',
  'test',
  false,
);
const { Repository } = require('@ecr-kit/pulumi');
const repository = new Repository('payments', {
  name: 'payments/api',
  entityRef: 'component:default/payments-api',
  pullAccounts: ['222222222222'],
});
repository.catalogAnnotations.apply(annotations =>
  setTimeout(() => console.log(JSON.stringify({ created: created.sort(), annotations })), 200),
);
`;

/** Runs the program in `app`; resolves to what it created, or rejects with its output. */
export async function checkPulumiProgram({ app, track }) {
  writeFileSync(join(app, 'pulumi-program.cjs'), PROGRAM);
  const child = spawn(process.execPath, ['pulumi-program.cjs'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const code = await new Promise(resolve => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('close', exitCode => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  const line = stdout.trim().split('\n').pop();
  if (code !== 0 || !line?.startsWith('{')) {
    throw new Error(
      `the Pulumi program failed (exit ${code}):\n${(stderr || stdout).slice(-2000)}`,
    );
  }
  const { created, annotations } = JSON.parse(line);
  const expected = [
    'aws:ecr/lifecyclePolicy:LifecyclePolicy',
    'aws:ecr/repository:Repository',
    'aws:ecr/repositoryPolicy:RepositoryPolicy',
    'ecr-kit:index:Repository',
  ];
  const missing = expected.filter(type => !created.includes(type));
  if (missing.length > 0) {
    throw new Error(
      `the Pulumi program created ${created.join(', ')}; missing ${missing.join(', ')}`,
    );
  }
  const arn = annotations?.['aws.amazon.com/amazon-ecr-arn'];
  if (arn !== 'arn:aws:ecr:eu-west-1:111122223333:repository/payments/api') {
    throw new Error(
      `catalogAnnotations: ${JSON.stringify(annotations)} (expected the repository ARN)`,
    );
  }
  return { created, arn };
}
