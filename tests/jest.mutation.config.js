// The jest configuration of `npm run test:mutation` (stryker.config.json): the main one from
// package.json, limited to the database-free tests of the mutated rule files, so that each mutant runs in
// well under a second (the database-backed rule tests take seconds each and are run by test:unit).
const path = require('path');
const { jest: base } = require('../package.json');

module.exports = {
  ...base,
  rootDir: path.join(__dirname, '..'),
  testEnvironment: path.join(__dirname, 'jest-environment.js'),
  // Transpile only (type checking is tsc's job in test:unit): a mutant's jest run then costs no compile.
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json'), isolatedModules: true }] },
  // The calendar's year-long sweep against Intl (tests/rules/calendar.test.ts) takes seconds; the
  // known-answer calendar tests cover the same rules for the mutation run.
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, '/tests/rules/calendar\\.test\\.ts$'],
  testMatch: ['<rootDir>/tests/rules/**/*.test.ts', '<rootDir>/tests/evaluation/metrics-parity.test.ts']
};
