import { resolve } from 'node:path';
import { loadDemoConfig } from './demoConfig';
import { DEMO_ROOT } from './startDemoPortal';

const configArgs = (...files: string[]) =>
  files.flatMap(file => ['--config', resolve(DEMO_ROOT, file)]);

describe('demo config', () => {
  it('embeds everything: SQLite in memory, memory cache, guest sign-in, the local ECR', async () => {
    const config = await loadDemoConfig({
      rootDir: DEMO_ROOT,
      argv: configArgs('app-config.yaml'),
      overrides: { ecr: { endpoint: 'http://127.0.0.1:4566' } },
    });
    expect(config.getString('backend.database.client')).toBe('better-sqlite3');
    expect(config.getString('backend.database.connection')).toBe(':memory:');
    expect(config.getString('backend.cache.store')).toBe('memory');
    expect(config.has('auth.providers.guest')).toBe(true);
    expect(config.getString('ecr.endpoint')).toBe('http://127.0.0.1:4566');
    expect(
      config.getConfigArray('aws.accounts').map(a => a.getString('accountId')),
    ).toEqual(['111122223333', '444455556666']);
  });

  it('the production recipe replaces every embedded piece when layered over it', async () => {
    process.env.POSTGRES_HOST = 'db.internal';
    process.env.REDIS_HOST = 'cache.internal';
    process.env.REDIS_PASSWORD = 'not-a-secret';
    try {
      const config = await loadDemoConfig({
        rootDir: DEMO_ROOT,
        argv: configArgs('app-config.yaml', 'app-config.production.yaml'),
        overrides: {},
      });
      expect(config.getString('backend.database.client')).toBe('pg');
      expect(config.getString('backend.database.connection.host')).toBe(
        'db.internal',
      );
      expect(config.getString('backend.cache.store')).toBe('redis');
      expect(config.getString('backend.cache.connection')).toBe(
        'rediss://:not-a-secret@cache.internal:6379',
      );
      // No demo access keys and no local endpoint survive: role assumption in AWS.
      expect(config.getOptionalString('ecr.endpoint')).toBeUndefined();
      expect(config.getString('aws.accountDefaults.roleName')).toBe(
        'backstage-ecr-read',
      );
      for (const account of config.getConfigArray('aws.accounts')) {
        expect(account.getOptionalString('accessKeyId')).toBeUndefined();
      }
      expect(config.getOptional('auth.providers.guest')).toBeUndefined();
      expect(
        config
          .getConfigArray('catalog.locations')
          .map(l => l.getString('type')),
      ).toEqual(['url']);
    } finally {
      delete process.env.POSTGRES_HOST;
      delete process.env.REDIS_HOST;
      delete process.env.REDIS_PASSWORD;
    }
  });
});
