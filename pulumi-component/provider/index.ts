// Entry of the component package (see PulumiPlugin.yaml): the components it exports are the
// ones Python, Go, .NET and YAML programs get from `pulumi package add`. The analyzer reads
// their TypeScript source (shipped in `src`, found through the "@ecr-kit/source" condition
// of tsconfig.json) to infer the schema.
export {
  PullThroughCache,
  Registry,
  RegistryScanning,
  Replication,
  Repository,
} from '@ecr-kit/pulumi';
