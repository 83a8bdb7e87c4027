module.exports = require('@ecr-kit/jest-config');
