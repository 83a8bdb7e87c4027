import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ListImagesCommand,
  ListTagsForResourceCommand,
  PutImageTagMutabilityCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type CreateRepositoryCommandInput,
} from '@aws-sdk/client-ecr';
import { REPOSITORY_NAME_PATTERN } from '@ecr-kit/ecr-standard';
import { ECR_MODEL } from './model/serviceModels';
import { checkShape } from './model/checkShape';
import { startLocalEcrApi, type LocalEcrApi } from './index';
import { ecrClient, expectAwsError } from './__testUtils__/clients';

const ACCOUNT = '111122223333';
let api: LocalEcrApi;
const ecr = () => ecrClient(api, 'AKIAA');
const tags = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));
const arn = (name: string) =>
  `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/${name}`;

beforeAll(async () => {
  api = await startLocalEcrApi({
    accounts: { AKIAA: ACCOUNT },
    fixture: {
      registries: [
        {
          accountId: ACCOUNT,
          region: 'us-east-1',
          kmsKeys: [`arn:aws:kms:us-east-1:${ACCOUNT}:key/us-east-1-key`],
        },
        {
          accountId: ACCOUNT,
          region: 'eu-west-1',
          kmsKeys: [
            `arn:aws:kms:eu-west-1:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`,
          ],
          repositories: [
            {
              name: 'seeded/app',
              tags: { team: 'payments' },
              images: [
                { tags: ['1.0.0'], pushedAt: '2025-12-01T00:00:00Z' },
                {
                  tags: ['old'],
                  pushedAt: '2025-06-01T00:00:00Z',
                  status: 'ARCHIVED',
                },
              ],
            },
          ],
        },
      ],
    },
  });
});
afterAll(() => api.stop());

const invalid = (message: string) => ({
  type: 'InvalidParameterException',
  status: 400,
  message,
});

describe('repository names follow the current model rule', () => {
  test.each(['a__b', 'team--x/app', 'ab', 'a.b/c_d/e---f', 'x'.repeat(256)])(
    'accepts %s',
    async name => {
      await expect(
        ecr().send(new CreateRepositoryCommand({ repositoryName: name })),
      ).resolves.toBeDefined();
    },
  );

  const pattern = ECR_MODEL.shapes.RepositoryName.pattern;
  test.each([
    ['Upper', `must satisfy regular expression '${pattern}'`],
    ['a___b', `must satisfy regular expression '${pattern}'`],
    ['a-', `must satisfy regular expression '${pattern}'`],
    ['team//app', `must satisfy regular expression '${pattern}'`],
    ['a', 'must have length greater than or equal to 2'],
    ['x'.repeat(257), 'must have length less than or equal to 256'],
  ])('rejects %s', async (name, constraint) => {
    await expectAwsError(
      ecr().send(new CreateRepositoryCommand({ repositoryName: name })),
      invalid(
        `Invalid parameter at 'repositoryName' failed to satisfy constraint: '${constraint}'`,
      ),
    );
  });

  it("agrees with the standard's REPOSITORY_NAME_PATTERN on every case", () => {
    const names = [
      'a__b',
      'team--x/app',
      'a.b',
      'a._b',
      'a___b',
      '-a',
      'a/b/c',
      'a//b',
      'ab/',
      'A',
      'a-b-c',
      'a--b__c.d',
    ];
    for (const name of names) {
      const model = checkShape(
        ECR_MODEL,
        'RepositoryName',
        name,
        'input',
      ).every(v => v.kind !== 'pattern');
      expect({ name, standard: REPOSITORY_NAME_PATTERN.test(name) }).toEqual({
        name,
        standard: model,
      });
    }
  });
});

describe('request members are checked against the model', () => {
  test.each<[string, Partial<CreateRepositoryCommandInput>, string, string]>([
    [
      'imageTagMutability',
      { imageTagMutability: 'SOMETIMES' as never },
      'imageTagMutability',
      'must satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION]',
    ],
    [
      'encryptionType',
      { encryptionConfiguration: { encryptionType: 'ROT13' as never } },
      'encryptionConfiguration.encryptionType',
      'must satisfy enum value set: [AES256, KMS, KMS_DSSE]',
    ],
    [
      'registryId',
      { registryId: '12345' },
      'registryId',
      "must satisfy regular expression '[0-9]{12}'",
    ],
    [
      'exclusion filter',
      {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filterType: 'WILDCARD', filter: 'bad filter' },
        ],
      },
      'imageTagMutabilityExclusionFilters.1.member.filter',
      "must satisfy regular expression '^[0-9a-zA-Z._*-]{1,128}$'",
    ],
  ])('%s', async (_, input, path, constraint) => {
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'never/created',
          ...input,
        }),
      ),
      invalid(
        `Invalid parameter at '${path}' failed to satisfy constraint: '${constraint}'`,
      ),
    );
    expect(
      api.store.get(ACCOUNT, 'eu-west-1').repositories.has('never/created'),
    ).toBe(false);
  });

  it('needs required members', async () => {
    await expectAwsError(
      ecr().send(new DescribeImagesCommand({} as never)),
      invalid(
        "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must not be null'",
      ),
    );
  });

  it('bounds maxResults and list sizes', async () => {
    await expectAwsError(
      ecr().send(new DescribeRepositoriesCommand({ maxResults: 1001 })),
      invalid(
        "Invalid parameter at 'maxResults' failed to satisfy constraint: 'must have value less than or equal to 1000'",
      ),
    );
    await expectAwsError(
      ecr().send(
        new BatchGetImageCommand({
          repositoryName: 'seeded/app',
          imageIds: Array.from({ length: 101 }, (_, i) => ({
            imageTag: `t${i}`,
          })),
        }),
      ),
      invalid(
        "Invalid parameter at 'imageIds' failed to satisfy constraint: 'must have length less than or equal to 100'",
      ),
    );
  });

  it('answers a wrong JSON type with SerializationException', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: {
        'x-amz-target':
          'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories',
        'content-type': 'application/x-amz-json-1.1',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAA/20260101/eu-west-1/ecr/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: JSON.stringify({ maxResults: '10' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      __type: 'SerializationException',
      message: "Value at 'maxResults' must be of type integer",
    });
  });
});

describe('settings a repository can hold', () => {
  it('refuses 51 tags at creation and creates nothing', async () => {
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'many/tags',
          tags: tags(51),
        }),
      ),
      {
        type: 'TooManyTagsException',
        status: 400,
        message:
          'The tags on repository many/tags would number 51; a repository can have at most 50 tags.',
      },
    );
    expect(
      api.store.get(ACCOUNT, 'eu-west-1').repositories.has('many/tags'),
    ).toBe(false);
    await expect(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'fifty/tags',
          tags: tags(50),
        }),
      ),
    ).resolves.toBeDefined();
  });

  it('refuses a TagResource over the limit without writing any tag', async () => {
    await expectAwsError(
      ecr().send(
        new TagResourceCommand({
          resourceArn: arn('seeded/app'),
          tags: tags(50),
        }),
      ),
      {
        type: 'TooManyTagsException',
        status: 400,
        message:
          'The tags on repository seeded/app would number 51; a repository can have at most 50 tags.',
      },
    );
    const { tags: kept } = await ecr().send(
      new ListTagsForResourceCommand({ resourceArn: arn('seeded/app') }),
    );
    expect(kept).toEqual([{ Key: 'team', Value: 'payments' }]);
  });

  test.each([
    [
      'a key over 128 characters',
      [{ Key: 'k'.repeat(129), Value: 'v' }],
      'tags[0].Key has 129 characters',
    ],
    [
      'a value over 256 characters',
      [{ Key: 'k', Value: 'v'.repeat(257) }],
      'tags[0].Value has 257 characters',
    ],
    [
      'the reserved aws: prefix',
      [{ Key: 'aws:owner', Value: 'x' }],
      'tags[0].Key "aws:owner" uses the reserved prefix aws:',
    ],
    [
      'a character tags cannot hold',
      [{ Key: 'team', Value: 'a,b' }],
      'tags[0] contains a character that tags cannot hold',
    ],
    [
      'a key twice',
      [
        { Key: 'a', Value: '1' },
        { Key: 'a', Value: '2' },
      ],
      'tags[1].Key "a" is given twice',
    ],
  ])('refuses %s as InvalidTagParameterException', async (_, given, detail) => {
    await expectAwsError(
      ecr().send(
        new TagResourceCommand({ resourceArn: arn('seeded/app'), tags: given }),
      ),
      {
        type: 'InvalidTagParameterException',
        status: 400,
        message: new RegExp(
          `^An invalid tag was given: ${detail.replace(/[[\]]/g, '\\$&')}\\.`,
        ),
      },
    );
  });

  it('refuses to remove a reserved tag key', async () => {
    await expectAwsError(
      ecr().send(
        new UntagResourceCommand({
          resourceArn: arn('seeded/app'),
          tagKeys: ['aws:cloudformation:stack'],
        }),
      ),
      {
        type: 'InvalidTagParameterException',
        status: 400,
        message: /reserved prefix aws:/,
      },
    );
  });

  it('checks exclusion filters against the mutability setting', async () => {
    await expectAwsError(
      ecr().send(
        new PutImageTagMutabilityCommand({
          repositoryName: 'seeded/app',
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        }),
      ),
      invalid(
        "Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: 'ImageTagMutabilityExclusionFilters can't be null when imageTagMutability is set as IMMUTABLE_WITH_EXCLUSION'",
      ),
    );
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'never/created',
          imageTagMutability: 'IMMUTABLE',
          imageTagMutabilityExclusionFilters: [
            { filterType: 'WILDCARD', filter: 'dev-*' },
          ],
        }),
      ),
      invalid(
        "Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: 'ImageTagMutabilityExclusionFilters can only be set when imageTagMutability is IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, not IMMUTABLE'",
      ),
    );
  });

  it('encrypts only with a KMS key that exists, and takes no key for AES256', async () => {
    const key = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
    await expect(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'kms/ok',
          encryptionConfiguration: { encryptionType: 'KMS', kmsKey: key },
        }),
      ),
    ).resolves.toMatchObject({
      repository: {
        encryptionConfiguration: { encryptionType: 'KMS', kmsKey: key },
      },
    });
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'kms/missing',
          encryptionConfiguration: {
            encryptionType: 'KMS',
            kmsKey: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/nope`,
          },
        }),
      ),
      {
        type: 'KmsException',
        status: 400,
        message: `The KMS key 'arn:aws:kms:eu-west-1:${ACCOUNT}:key/nope' does not exist or ECR is not allowed to use it in eu-west-1`,
      },
    );
    // "The key must exist in the same Region as the repository" (API reference,
    // EncryptionConfiguration): a key of another Region is one ECR cannot use.
    const elsewhere = `arn:aws:kms:us-east-1:${ACCOUNT}:key/us-east-1-key`;
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'kms/elsewhere',
          encryptionConfiguration: { encryptionType: 'KMS', kmsKey: elsewhere },
        }),
      ),
      {
        type: 'KmsException',
        status: 400,
        message: `The KMS key '${elsewhere}' does not exist or ECR is not allowed to use it in eu-west-1`,
      },
    );
    await expectAwsError(
      ecr().send(
        new CreateRepositoryCommand({
          repositoryName: 'kms/aes',
          encryptionConfiguration: { encryptionType: 'AES256', kmsKey: key },
        }),
      ),
      invalid(
        "Invalid parameter at 'encryptionConfiguration.kmsKey' failed to satisfy constraint: 'A KMS key can only be given with encryptionType KMS or KMS_DSSE'",
      ),
    );
  });
});

describe('image ids and filters', () => {
  it('lists only ACTIVE images unless filter.imageStatus asks for more', async () => {
    const list = async (imageStatus?: 'ARCHIVED' | 'ANY') =>
      (
        await ecr().send(
          new ListImagesCommand({
            repositoryName: 'seeded/app',
            ...(imageStatus ? { filter: { imageStatus } } : {}),
          }),
        )
      ).imageIds?.map(i => i.imageTag);
    expect(await list()).toEqual(['1.0.0']);
    expect(await list('ARCHIVED')).toEqual(['old']);
    expect((await list('ANY'))?.sort()).toEqual(['1.0.0', 'old']);
  });

  it('reports BatchGetImage failures with the model failure codes', async () => {
    const [image] = [
      ...api.store
        .get(ACCOUNT, 'eu-west-1')
        .repositories.get('seeded/app')!
        .images.values(),
    ];
    const result = await ecr().send(
      new BatchGetImageCommand({
        repositoryName: 'seeded/app',
        imageIds: [
          {},
          { imageDigest: 'not-a-digest' },
          { imageTag: '-bad' },
          { imageDigest: image.imageDigest, imageTag: 'old' },
          { imageTag: 'missing' },
          { imageTag: 'old' },
          { imageTag: '1.0.0' },
        ],
      }),
    );
    expect(result.failures?.map(f => f.failureCode)).toEqual([
      'MissingDigestAndTag',
      'InvalidImageDigest',
      'InvalidImageTag',
      'ImageTagDoesNotMatchDigest',
      'ImageNotFound',
      'ImageInaccessible',
    ]);
    expect(result.images?.map(i => i.imageId?.imageTag)).toEqual(['1.0.0']);
  });

  it('refuses a forged nextToken', async () => {
    await expectAwsError(
      ecr().send(new DescribeRepositoriesCommand({ nextToken: 'forged' })),
      invalid(
        "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'",
      ),
    );
  });
});
