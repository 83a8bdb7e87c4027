import type { Entity } from '@backstage/catalog-model';
import {
  ECR_ARN_ANNOTATION,
  ECR_TAGS_ANNOTATION,
  parseEcrArnAnnotation,
  parseEcrTagsAnnotation,
} from '@ecr-kit/backstage-plugin-ecr-common';
import {
  MEDIA_TYPES,
  type LocalEcrApi,
  type RepositoryRecord,
} from '@ecr-kit/local-ecr-api';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEMO_ROOT, startDemoLocalEcr } from './startDemoPortal';

// The demo is only convincing if the catalog and the seeded registry agree and the
// registry shows every case the ECR tab has to handle.

const entities = parseAllDocuments(
  readFileSync(resolve(DEMO_ROOT, 'catalog/entities.yaml'), 'utf8'),
).map(doc => doc.toJSON() as Entity);
const components = entities.filter(e => e.kind === 'Component');

let api: LocalEcrApi;
beforeAll(async () => {
  api = await startDemoLocalEcr();
});
afterAll(() => api.stop());

function repository(arn: string): RepositoryRecord | undefined {
  const [parsed] = parseEcrArnAnnotation(arn);
  return api.store
    .get(parsed.accountId, parsed.region)
    .repositories.get(parsed.repositoryName);
}

function allRepositories(): RepositoryRecord[] {
  return api.store.all().flatMap(r => [...r.repositories.values()]);
}

function allImages() {
  return allRepositories().flatMap(r => [...r.images.values()]);
}

describe('demo catalog and seeded local ECR', () => {
  it('every service names its repositories by ARN or by tags', () => {
    expect(components.map(c => c.metadata.name).sort()).toEqual([
      'checkout-web',
      'edge-proxy',
      'inventory',
      'ledger-api',
      'payments-api',
      'payments-worker',
      'storefront-web',
    ]);
    for (const component of components) {
      const annotations = component.metadata.annotations ?? {};
      expect(
        annotations[ECR_ARN_ANNOTATION] ?? annotations[ECR_TAGS_ANNOTATION],
      ).toBeTruthy();
    }
  });

  it('every ARN annotation points at a seeded repository', () => {
    for (const component of components) {
      const value = component.metadata.annotations?.[ECR_ARN_ANNOTATION];
      if (!value) continue;
      for (const arn of parseEcrArnAnnotation(value)) {
        expect({ arn: arn.arn, found: !!repository(arn.arn) }).toEqual({
          arn: arn.arn,
          found: true,
        });
      }
    }
  });

  it('the tags annotation matches exactly one repository, in the tag-lookup account', () => {
    const worker = components.find(c => c.metadata.name === 'payments-worker')!;
    const filters = parseEcrTagsAnnotation(
      worker.metadata.annotations![ECR_TAGS_ANNOTATION],
    );
    const matches = api.store
      .get('111122223333', 'eu-west-1')
      .repositories.values();
    const names = [...matches]
      .filter(repo =>
        filters.every(f =>
          repo.tags.some(t => t.Key === f.key && t.Value === f.value),
        ),
      )
      .map(repo => repo.repositoryName);
    expect(names).toEqual(['payments/worker']);
  });

  it('one service has repositories in two accounts and regions', () => {
    const payments = components.find(c => c.metadata.name === 'payments-api')!;
    const arns = parseEcrArnAnnotation(
      payments.metadata.annotations![ECR_ARN_ANNOTATION],
    );
    expect(new Set(arns.map(a => `${a.accountId}/${a.region}`))).toEqual(
      new Set(['111122223333/eu-west-1', '444455556666/us-east-1']),
    );
  });

  it('shows a repository ECR created by pulling through the cache, from its template', () => {
    const cached = repository(
      'arn:aws:ecr:eu-west-1:111122223333:repository/ecr-public/nginx/nginx',
    )!;
    expect(cached).toMatchObject({
      createdBy: 'PULL_THROUGH_CACHE',
      imageTagMutability: 'MUTABLE',
    });
    expect(cached.lifecyclePolicyText).toContain('untagged');
    const tags = [...cached.images.values()].flatMap(i => i.imageTags).sort();
    expect(tags).toEqual(['1.27', 'latest']);
  });

  it('shows a repository ECR replicated to a second region, with COMPLETE statuses', () => {
    const source = repository(
      'arn:aws:ecr:eu-west-1:111122223333:repository/checkout/web',
    )!;
    const replica = repository(
      'arn:aws:ecr:eu-central-1:111122223333:repository/checkout/web',
    )!;
    expect(replica).toMatchObject({
      createdBy: 'REPLICATION',
      imageTagMutability: 'IMMUTABLE',
    });
    const tagged = [...source.images.values()].filter(i => i.imageTags.length);
    expect(tagged.map(i => i.replicationStatuses)).toEqual([
      [
        {
          region: 'eu-central-1',
          registryId: '111122223333',
          status: 'COMPLETE',
        },
      ],
      [
        {
          region: 'eu-central-1',
          registryId: '111122223333',
          status: 'COMPLETE',
        },
      ],
    ]);
    expect([...replica.images.keys()].sort()).toEqual(
      [...source.images.keys()].sort(),
    );
  });

  it('seeds a realistic mix of repository settings', () => {
    const repos = allRepositories();
    const mutability = new Set(repos.map(r => r.imageTagMutability));
    expect(mutability).toContain('IMMUTABLE');
    expect(mutability).toContain('MUTABLE');
    const encryption = new Set(repos.map(r => r.encryptionType));
    expect(encryption).toEqual(new Set(['KMS', 'AES256']));
    const scanTypes = new Set(api.store.all().map(r => r.settings.scanType));
    expect(scanTypes).toEqual(new Set(['BASIC', 'ENHANCED']));
    expect(
      repos.filter(r => r.images.size === 0).map(r => r.repositoryName),
    ).toEqual(['ledger/api']);
    const big = repository(
      'arn:aws:ecr:eu-west-1:111122223333:repository/storefront/web',
    )!;
    expect(big.images.size).toBe(10_000);
  });

  it('seeds a Helm chart, signatures, a failed scan and findings of every severity, fixable and not', () => {
    const images = allImages();
    expect(
      images.some(i => i.artifactMediaType === MEDIA_TYPES.helmChart),
    ).toBe(true);
    expect(
      images.some(i => i.artifactMediaType === MEDIA_TYPES.cosignSignature),
    ).toBe(true);
    expect(images.some(i => i.scan?.status === 'FAILED')).toBe(true);
    const findings = images.flatMap(i => i.scan?.findings ?? []);
    for (const severity of [
      'CRITICAL',
      'HIGH',
      'MEDIUM',
      'LOW',
      'INFORMATIONAL',
    ] as const) {
      const ofSeverity = findings.filter(f => f.severity === severity);
      expect({ severity, some: ofSeverity.length > 0 }).toEqual({
        severity,
        some: true,
      });
    }
    expect(findings.some(f => f.fixedInVersion)).toBe(true);
    expect(findings.some(f => !f.fixedInVersion)).toBe(true);
  });
});
