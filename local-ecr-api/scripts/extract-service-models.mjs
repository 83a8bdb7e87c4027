#!/usr/bin/env node
// Derives the constraint tables in src/model/*.json from AWS service models (botocore's
// `service-2.json` format, the same Smithy facts as aws/api-models-aws): for each operation
// the simulator implements, its input, output and error shapes, and for every shape reachable
// from them only the facts a validator needs — type, required members, member → shape,
// list/map element shapes, enum values, length/range bounds, patterns, error status codes and
// REST bindings. Documentation text is dropped.
//
//   node scripts/extract-service-models.mjs <botocore checkout>/botocore/data [commit]
//
// Re-run it when the model moves on; the tests then show what the simulator must follow.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';

const [dataDir, commit = 'unknown', version = 'unknown'] =
  process.argv.slice(2);
if (!dataDir) {
  console.error(
    'usage: extract-service-models.mjs <botocore>/botocore/data [botocore commit] [botocore version]',
  );
  process.exit(2);
}
const outDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'model',
);

/** Operations the simulator implements, per service model. */
const SERVICES = {
  'ecr/2015-09-21': {
    out: 'ecr.constraints.json',
    operations: [
      'BatchDeleteImage',
      'BatchGetImage',
      'BatchGetRepositoryScanningConfiguration',
      'CreatePullThroughCacheRule',
      'CreateRepository',
      'CreateRepositoryCreationTemplate',
      'DeleteLifecyclePolicy',
      'DeletePullThroughCacheRule',
      'DeleteRegistryPolicy',
      'DeleteRepository',
      'DeleteRepositoryCreationTemplate',
      'DeleteRepositoryPolicy',
      'DescribeImageReplicationStatus',
      'DescribeImageScanFindings',
      'DescribeImages',
      'DescribePullThroughCacheRules',
      'DescribeRegistry',
      'DescribeRepositories',
      'DescribeRepositoryCreationTemplates',
      'GetAuthorizationToken',
      'GetLifecyclePolicy',
      'GetLifecyclePolicyPreview',
      'GetRegistryPolicy',
      'GetRegistryScanningConfiguration',
      'GetRepositoryPolicy',
      'ListImages',
      'ListTagsForResource',
      'PutImage',
      'PutImageScanningConfiguration',
      'PutImageTagMutability',
      'PutLifecyclePolicy',
      'PutRegistryPolicy',
      'PutRegistryScanningConfiguration',
      'PutReplicationConfiguration',
      'SetRepositoryPolicy',
      'StartImageScan',
      'StartLifecyclePolicyPreview',
      'TagResource',
      'UntagResource',
      'UpdatePullThroughCacheRule',
      'UpdateRepositoryCreationTemplate',
      'ValidatePullThroughCacheRule',
    ],
  },
  'inspector2/2020-06-08': {
    out: 'inspector2.constraints.json',
    operations: ['ListCoverage', 'ListFindingAggregations'],
  },
  'resourcegroupstaggingapi/2017-01-26': {
    out: 'tagging.constraints.json',
    operations: ['GetResources'],
  },
};

const SHAPE_FACTS = [
  'type',
  'required',
  'enum',
  'min',
  'max',
  'pattern',
  'union',
  'exception',
  'timestampFormat',
];

function compactShape(shape) {
  const out = {};
  for (const fact of SHAPE_FACTS) {
    if (shape[fact] !== undefined) out[fact] = shape[fact];
  }
  if (shape.error?.httpStatusCode) out.status = shape.error.httpStatusCode;
  if (shape.members) {
    out.members = {};
    for (const [name, member] of Object.entries(shape.members)) {
      const binding = {};
      if (member.location) binding.location = member.location;
      if (member.locationName) binding.locationName = member.locationName;
      out.members[name] = Object.keys(binding).length
        ? { shape: member.shape, ...binding }
        : member.shape;
    }
  }
  if (shape.member) out.member = shape.member.shape;
  if (shape.key) out.key = shape.key.shape;
  if (shape.value) out.value = shape.value.shape;
  return out;
}

for (const [path, { out, operations }] of Object.entries(SERVICES)) {
  const model = JSON.parse(
    readFileSync(join(dataDir, path, 'service-2.json'), 'utf8'),
  );
  const shapes = {};
  const visit = name => {
    if (shapes[name]) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`${path}: shape ${name} missing`);
    shapes[name] = compactShape(shape);
    for (const member of Object.values(shape.members ?? {}))
      visit(member.shape);
    for (const part of [shape.member, shape.key, shape.value]) {
      if (part) visit(part.shape);
    }
  };
  const table = {};
  for (const name of operations) {
    const operation = model.operations[name];
    if (!operation) throw new Error(`${path}: operation ${name} missing`);
    const entry = { errors: (operation.errors ?? []).map(e => e.shape) };
    if (operation.input) entry.input = operation.input.shape;
    if (operation.output) entry.output = operation.output.shape;
    if (operation.http?.requestUri && model.metadata.protocol !== 'json') {
      entry.http = {
        method: operation.http.method,
        requestUri: operation.http.requestUri,
        ...(operation.http.responseCode
          ? { responseCode: operation.http.responseCode }
          : {}),
      };
    }
    table[name] = entry;
    for (const shape of [entry.input, entry.output, ...entry.errors]) {
      if (shape) visit(shape);
    }
  }
  const document = {
    source: {
      model: `botocore/data/${path}/service-2.json`,
      botocoreVersion: version,
      botocoreCommit: commit,
      apiVersion: model.metadata.apiVersion,
      protocol: model.metadata.protocol,
      ...(model.metadata.targetPrefix
        ? { targetPrefix: model.metadata.targetPrefix }
        : {}),
      signingName: model.metadata.signingName,
    },
    operations: table,
    shapes: Object.fromEntries(
      Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
  const file = join(outDir, out);
  writeFileSync(
    file,
    await format(JSON.stringify(document), { parser: 'json', filepath: file }),
  );
  console.log(
    `${out}: ${operations.length} operations, ${Object.keys(shapes).length} shapes`,
  );
}
