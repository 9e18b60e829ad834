/**
 * Browser tests: the real H5 build served by the real server (embedded database, demo mode), driven in
 * Debian's Chromium by playwright-core. Screenshots go to artifacts/screenshots/ at the repo root (git-ignored).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2021' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 120000,
};
