// ESLint for the Backstage packages (`@ecr-kit/eslint-config/backstage`): the Backstage CLI's
// config for the package (`@backstage/cli/config/eslint-factory`, same arguments), over the
// plain TypeScript config of this package. The factory's config has no `root: true`, so ESLint
// used to layer it over the repository's root `.eslintrc.cjs`; this one is a root config and
// keeps that order (the plain config first, the CLI's on top) with no config outside the package.
const createConfig = require('@backstage/cli/config/eslint-factory');

/**
 * @param {string} dir the package folder (`__dirname` of its `.eslintrc.js`)
 * @param {object} [extraConfig] options of `@backstage/cli/config/eslint-factory`
 */
module.exports = function backstageConfig(dir, extraConfig) {
  const config = createConfig(dir, extraConfig);
  return {
    ...config,
    root: true,
    extends: [require.resolve('./index.js'), ...config.extends],
  };
};
