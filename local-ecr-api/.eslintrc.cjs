module.exports = { root: true, extends: ['@ecr-kit/eslint-config'] };
