module.exports = {
  root: true,
  extends: ['@ecr-kit/eslint-config/pulumi'],
  // The Pulumi rules read types: each file with its nearest tsconfig.json, in this package.
  parserOptions: { tsconfigRootDir: __dirname },
};
