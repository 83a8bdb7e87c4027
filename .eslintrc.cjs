// ESLint for the plain TypeScript packages. Backstage packages carry their own
// `.eslintrc.js` built by `@backstage/cli/config/eslint-factory` (root: true).
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  plugins: ['@typescript-eslint'],
  extends: [
    'eslint:recommended',
    'plugin:@typescript-eslint/recommended',
    'prettier',
  ],
  env: { node: true, es2022: true },
  ignorePatterns: ['dist/', 'coverage/', 'node_modules/', '*.cjs', '*.mjs'],
  rules: {
    '@typescript-eslint/no-unused-vars': [
      'error',
      { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
    ],
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['../../*/src/*', '../../../*/src/*'],
            message: 'Import other workspace packages by name.',
          },
        ],
      },
    ],
  },
};
