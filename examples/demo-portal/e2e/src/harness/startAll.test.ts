import { startAll } from './startAll';

function starter(name: string, log: string[], fails = false) {
  return async () => {
    await new Promise(resolve => setTimeout(resolve, fails ? 5 : 20));
    if (fails) throw new Error(`${name} failed`);
    log.push(`${name} started`);
    return {
      name,
      stop: async () => {
        log.push(`${name} stopped`);
      },
    };
  };
}

describe('startAll', () => {
  it('returns everything it started', async () => {
    const log: string[] = [];
    const [a, b] = await startAll([
      starter('portal', log),
      starter('browser', log),
    ]);
    expect([a.name, b.name]).toEqual(['portal', 'browser']);
    expect(log).toEqual(['portal started', 'browser started']);
  });

  it('stops what started when another start fails, even one that finishes later', async () => {
    const log: string[] = [];
    await expect(
      startAll([starter('portal', log), starter('browser', log, true)]),
    ).rejects.toThrow('browser failed');
    expect(log).toEqual(['portal started', 'portal stopped']);
  });
});
