/** Jest runs the TypeScript sources through ts-jest (transpile only; `npm run typecheck` and the build check types). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/tests/helpers/globalSetup.ts',
  setupFiles: ['<rootDir>/tests/helpers/quietEnv.ts'],
  testTimeout: 30000,
};
