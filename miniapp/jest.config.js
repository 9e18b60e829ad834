/** UI unit tests in jsdom. `@tarojs/taro` is replaced by test/taro-mock.ts (request, storage, navigation). */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts?(x)'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-tests.ts'],
  transform: {
    '^.+\\.[cm]?[tj]sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2021',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Taro's components and Stencil ship ES modules (and @tarojs/components bundles an ESM tslib
  // under its own node_modules/.pnpm); everything else in node_modules is CommonJS already.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@nutui|@stencil|swiper|@swc/helpers|\\.pnpm|tslib)/)'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    // Stylesheets are the build's business: jest has no loader for them.
    '\\.s?css$': '<rootDir>/test/style-stub.ts',
  },
  globals: {
    // Compile-time flags Taro's runtime expects from its build.
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    API_BASE: 'http://api.test/api',
  },
};
