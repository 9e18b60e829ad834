/**
 * Server tests: unit specs next to the code, e2e specs in test/ against a real MySQL/MariaDB.
 * ts-jest only transpiles; `npm run typecheck` (part of `npm test`) checks the types once for the whole package.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
