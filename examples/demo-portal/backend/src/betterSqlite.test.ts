import Database from 'better-sqlite3';

// The demo runs Backstage on an in-memory SQLite database; the native addon must load
// under the project's Node (22, from the `node` devDependency), not only the machine's.
describe('better-sqlite3', () => {
  it('loads and runs queries in memory under the project’s Node', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(
      22,
    );
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE images (tag TEXT PRIMARY KEY, size INTEGER)');
      const insert = db.prepare('INSERT INTO images VALUES (?, ?)');
      insert.run('1.0.0', 100);
      insert.run('1.1.0', 250);
      const row = db
        .prepare('SELECT COUNT(*) AS n, SUM(size) AS total FROM images')
        .get();
      expect(row).toEqual({ n: 2, total: 350 });
      expect(db.prepare('SELECT sqlite_version() AS v').pluck().get()).toMatch(
        /^3\./,
      );
    } finally {
      db.close();
    }
  });
});
