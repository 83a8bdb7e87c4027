import { POLICY_NAMES } from './index';

// What `pulumi preview --policy-pack` loads: package.json `main` (dist/pack.js, built from
// src/pack.ts) constructs the PolicyPack, which hands its policies to @pulumi/policy's
// server. The server is replaced by a recorder, so no gRPC server starts.
it('serves the pack "ecr-kit" with every policy, mandatory by default', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const server = require('@pulumi/policy/server') as {
    serve: (...args: unknown[]) => void;
  };
  const serve = jest.spyOn(server, 'serve').mockImplementation(() => undefined);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./pack');
  expect(serve).toHaveBeenCalledTimes(1);
  const [name, version, level, args] = serve.mock.calls[0] as [
    string,
    string,
    string,
    { policies: { name: string; enforcementLevel: string }[] },
  ];
  expect([name, version, level]).toEqual(['ecr-kit', '0.1.0', 'mandatory']);
  expect(args.policies.map(p => [p.name, p.enforcementLevel])).toEqual(
    Object.values(POLICY_NAMES).map(n => [n, 'mandatory']),
  );
  serve.mockRestore();
});
