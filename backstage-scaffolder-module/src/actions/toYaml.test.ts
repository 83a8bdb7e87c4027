import { toYaml } from './toYaml';

describe('toYaml', () => {
  test.each<[string, unknown, string]>([
    [
      'plain strings, numbers and booleans',
      { name: 'payments/api', ref: 'component:default/x', count: 7, on: true },
      'name: payments/api\nref: component:default/x\ncount: 7\n"on": true\n',
    ],
    [
      'strings YAML would read as something else, double-quoted',
      ['123456789012', 'dev-*', 'yes', 'Null', 'a: b', 'x #y', 'end:', ''],
      '- "123456789012"\n- "dev-*"\n- "yes"\n- "Null"\n- "a: b"\n- "x #y"\n- "end:"\n- ""\n',
    ],
    [
      'nested lists and mappings',
      { steps: [{ id: 'ecr', input: { list: ['a'], empty: [], none: {} } }] },
      'steps:\n  - id: ecr\n    input:\n      list:\n        - a\n      empty: []\n      none: {}\n',
    ],
    [
      'lists of lists, without undefined fields',
      { a: [[1, 2], []], b: undefined },
      'a:\n  - - 1\n    - 2\n  - []\n',
    ],
  ])('writes %s', (_, value, text) => {
    expect(toYaml(value)).toBe(text);
  });
});
