// ESLint for Pulumi programs and components (`@ecr-kit/eslint-config/pulumi`): the plain
// TypeScript config, plus the rule against an Output in a template literal, which prints
// "Calling [toString] on an [Output<T>]…" instead of its value (use pulumi.interpolate).
// The rules need type information: each file is read with the nearest tsconfig.json, so the
// package's `.eslintrc.cjs` sets `parserOptions: { tsconfigRootDir: __dirname }`.
module.exports = {
  extends: [require.resolve('./index.js')],
  parserOptions: { project: true },
  plugins: ['@pulumi'],
  rules: {
    '@pulumi/no-output-in-template-literal': 'error',
    '@pulumi/no-output-instance-in-template-literal': 'error',
  },
};
