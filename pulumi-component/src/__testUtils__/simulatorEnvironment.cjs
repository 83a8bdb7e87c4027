// Jest's node environment, plus the real `process` for the ECR simulator harness: a Pulumi
// program that throws while it runs (a component refusing a value inside an `apply`) makes
// the Pulumi SDK reject outputs nobody awaits, on purpose — `pulumi up` reports them as the
// program's failure. Jest installs its listeners on the real process, out of reach of the
// test's copy of `process`; with it, the harness records those rejections as failures of the
// simulated `pulumi up` instead of failing the test that expects them.
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

class SimulatorEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__ecrKitRealProcess = process;
  }
}

module.exports = SimulatorEnvironment;
