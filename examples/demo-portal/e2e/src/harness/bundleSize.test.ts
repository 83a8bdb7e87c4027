import { codeFromSources, decodeVlq } from './bundleSize';

describe('decodeVlq', () => {
  it.each([
    ['A', [0]],
    ['C', [1]],
    ['D', [-1]],
    ['gB', [16]],
    ['AAAA', [0, 0, 0, 0]],
    ['SAAQC', [9, 0, 0, 8, 1]],
  ])('%s → %p', (segment, expected) => {
    expect(decodeVlq(segment)).toEqual(expected);
  });
});

describe('codeFromSources', () => {
  it('takes the generated columns that map to the chosen sources', () => {
    // Line 1: columns 0–5 from source 0, 6– from source 1; line 2: column 0– from source 0.
    const code = 'let a=1;let b=2;\nc();';
    const map = {
      sources: ['node_modules/x.js', 'backstage-plugin/src/y.ts'],
      // [col 0, src 0], [col +6, src +1]; next line [col 0, src -1]
      mappings: 'AAAA,MCAA;ADAA',
    };
    expect(
      codeFromSources(code, map, s => s.includes('backstage-plugin/src/')),
    ).toBe('1;let b=2;');
    expect(codeFromSources(code, map, s => s.includes('node_modules'))).toBe(
      'let a=c();',
    );
  });
});
