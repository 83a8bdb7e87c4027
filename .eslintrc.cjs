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
  overrides: [
    {
      // Pulumi programs and components: an Output in a template literal prints
      // "Calling [toString] on an [Output<T>]…" instead of its value (use pulumi.interpolate).
      // The rules need type information: each file is read with its package's tsconfig.json.
      files: [
        'pulumi-component/**/*.ts',
        'pulumi-policy/**/*.ts',
        'examples/pulumi-infra/**/*.ts',
      ],
      parserOptions: { project: true, tsconfigRootDir: __dirname },
      plugins: ['@pulumi'],
      rules: {
        '@pulumi/no-output-in-template-literal': 'error',
        '@pulumi/no-output-instance-in-template-literal': 'error',
      },
    },
  ],
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
