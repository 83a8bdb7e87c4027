module.exports = require('@ecr-kit/eslint-config/backstage')(__dirname);
