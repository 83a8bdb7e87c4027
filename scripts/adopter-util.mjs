// Helpers shared by the adopter test's steps (scripts/adopter-*.mjs).
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** A port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `read` every 500 ms until it returns a value (not undefined); throws after `ms`, or at
 * once when `read` throws an error marked `fatal` (waiting cannot help).
 */
export async function until(what, ms, read) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await read();
      if (value !== undefined) return value;
    } catch (error) {
      if (error.fatal) throw error;
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${ms / 1000} s${last ? ` (${last.message})` : ''}`,
      );
    }
    await sleep(500);
  }
}

/** Every file below `dir`, as posix paths relative to it. */
export function filesBelow(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? filesBelow(path, base)
      : [relative(base, path).split('\\').join('/')];
  });
}
