import type { DatabaseService } from '@backstage/backend-plugin-api';
import { createHash, randomUUID } from 'node:crypto';

/** Who refreshes a cache key: at most one holder per key at a time. */
export interface RefreshLock {
  /** Takes the key's lock if nobody holds it (or the holder's time ran out). */
  tryAcquire(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
}

/** A lock for one instance (no database): the in-flight map already dedupes within it. */
export function createLocalRefreshLock(): RefreshLock {
  const held = new Set<string>();
  return {
    async tryAcquire(key) {
      if (held.has(key)) return false;
      held.add(key);
      return true;
    },
    async release(key) {
      held.delete(key);
    },
  };
}

const TABLE = 'ecr_refresh_locks';

/**
 * A lock shared by every replica, in the plugin's database (`coreServices.database`): one row
 * per key being refreshed, taken by inserting it (the primary key makes that atomic) or by
 * taking over a row whose holder's time ran out (a replica that died mid-refresh). Keys are
 * hashed: an ARN is longer than some databases' index limits.
 */
export async function createDatabaseRefreshLock(
  database: DatabaseService,
  options: { ttlMs: number; now?: () => number },
): Promise<RefreshLock> {
  const db = await database.getClient();
  const now = options.now ?? Date.now;
  const owner = randomUUID();
  if (!(await db.schema.hasTable(TABLE))) {
    try {
      await db.schema.createTable(TABLE, table => {
        table.string('key', 64).primary();
        table.string('owner', 64).notNullable();
        table.bigInteger('expires_at').notNullable();
      });
    } catch (error) {
      // Another replica created it at the same moment.
      if (!(await db.schema.hasTable(TABLE))) throw error;
    }
  }
  const id = (key: string) => createHash('sha256').update(key).digest('hex');
  return {
    async tryAcquire(key) {
      const expires = now() + options.ttlMs;
      try {
        await db(TABLE).insert({ key: id(key), owner, expires_at: expires });
        return true;
      } catch {
        const taken = await db(TABLE)
          .where({ key: id(key) })
          .andWhere('expires_at', '<', now())
          .update({ owner, expires_at: expires });
        return taken === 1;
      }
    },
    async release(key) {
      await db(TABLE)
        .where({ key: id(key), owner })
        .delete();
    },
  };
}
