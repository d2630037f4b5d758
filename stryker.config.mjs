// Mutation testing of the pure cores (issue 13): `npm run test:mutation`.
// Stryker mutates each module below, runs the fast Node tests that exercise it through the TAP
// runner (node:test with tsx) and writes reports/mutation/mutation.json; then
// scripts/quality/mutation-score.ts prints the score per module and fails under 85 %.
// The feed, EPUB and page renderers are tested through builds and Chromium and are not in scope.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'src/captions/webvtt.ts',
    'src/captions/cue-text.ts',
    'src/captions/webvtt-settings.ts',
    'src/captions/cue-index.ts',
    'src/captions/time-text.ts',
    'src/story/check-timed-story.ts',
    'src/story/timed-story.ts',
    'scripts/story/manuscript.ts',
    'scripts/story/pictures.ts',
    'scripts/render/vtt.ts',
    'scripts/render/podcast-chapters.ts',
    'src/story-player/timeline.ts',
    'src/service-worker/byte-range.ts',
  ],
  tap: {
    testFiles: [
      'tests/node/captions/*.test.ts',
      'tests/node/story/*.test.ts',
      'tests/node/render/render.test.ts',
      'tests/node/render/stand-in-words.test.ts',
      'tests/node/player/*.test.ts',
      'tests/node/offline/byte-range.test.ts',
    ],
    nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.tmp/stryker',
  ignorePatterns: ['dist', 'lib', '.tmp', 'bench/out', 'docs', 'reports', 'custom-elements.json'],
  cleanTempDir: true,
};
