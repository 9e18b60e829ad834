/**
 * Server tests: unit specs next to the code, e2e specs in test/ against a real MySQL/MariaDB.
 * ts-jest only transpiles (isolatedModules); `npm run typecheck`, part of `npm test`, checks types once.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': 'ts-jest',
    // content-disposition 2 (under @fastify/static) ships ESM only; Node loads it natively, jest needs it as CommonJS.
    '^.+\\.js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['^(?!.*/content-disposition/dist/).*/node_modules/'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
