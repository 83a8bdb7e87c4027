// ESLint for the plain TypeScript packages (`@ecr-kit/eslint-config`): each package's
// `.eslintrc.cjs` is `{ root: true, extends: ['@ecr-kit/eslint-config'] }`. Pulumi packages
// extend `@ecr-kit/eslint-config/pulumi`; Backstage packages build theirs with
// `@ecr-kit/eslint-config/backstage`, which puts this config under the Backstage CLI's.
module.exports = {
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
