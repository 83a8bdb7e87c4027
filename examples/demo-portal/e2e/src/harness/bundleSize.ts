import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one source-map segment (base64 VLQ). */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`Not a base64 VLQ digit: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

interface SourceMap {
  readonly sources: string[];
  readonly mappings: string;
}

/**
 * The generated code of `code` that its source map attributes to sources matching
 * `belongs`: each segment runs from its column to the next segment's (or the line's end).
 */
export function codeFromSources(
  code: string,
  map: SourceMap,
  belongs: (source: string) => boolean,
): string {
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let source = 0;
  let picked = '';
  mappingLines.forEach((mappingLine, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    const segments = mappingLine ? mappingLine.split(',') : [];
    let column = 0;
    const starts: { column: number; source?: number }[] = [];
    for (const segment of segments) {
      const [columnDelta, sourceDelta] = decodeVlq(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) {
        source += sourceDelta;
        starts.push({ column, source });
      } else {
        starts.push({ column });
      }
    }
    starts.forEach((start, i) => {
      const end = starts[i + 1]?.column ?? line.length;
      if (start.source !== undefined && belongs(map.sources[start.source])) {
        picked += line.slice(start.column, end);
      }
    });
  });
  return picked;
}

/** What a package's own code weighs in an app's build, measured through its source maps. */
export interface BundleShare {
  /** Minified characters (≈ bytes) attributed to the package's sources. */
  readonly bytes: number;
  /** Those characters gzipped together: roughly what they add to the download. */
  readonly gzipBytes: number;
  /** The chunks holding any of it. */
  readonly chunks: string[];
}

/**
 * The share of a built app (`dist/static/*.js` with their `.map`) that comes from sources
 * whose path contains `sourcePath`, e.g. `/backstage-plugin/src/`.
 */
export function bundleShare(
  staticDir: string,
  sourcePath: string,
): BundleShare {
  let all = '';
  const chunks: string[] = [];
  for (const file of readdirSync(staticDir)) {
    if (!file.endsWith('.js')) continue;
    let map: SourceMap;
    try {
      map = JSON.parse(readFileSync(join(staticDir, `${file}.map`), 'utf8'));
    } catch {
      continue;
    }
    if (!map.sources.some(s => s.includes(sourcePath))) continue;
    const code = readFileSync(join(staticDir, file), 'utf8');
    const own = codeFromSources(code, map, s => s.includes(sourcePath));
    if (own.length > 0) {
      chunks.push(file);
      all += own;
    }
  }
  return {
    bytes: Buffer.byteLength(all),
    gzipBytes: gzipSync(all).length,
    chunks,
  };
}
