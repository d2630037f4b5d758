// Mutation testing of the pure cores (issue 13): `npm run test:mutation`.
// Stryker mutates each module below, runs the fast Node tests that exercise it through the TAP
// runner (node:test with tsx) and writes reports/mutation/mutation.json; then
// scripts/quality/mutation-score.ts prints the score per module and fails under 85 %.
// The feed, EPUB and page renderers are tested through builds and Chromium and are not in scope.
//
// One module at a time: `STRYKER_MODULE=src/captions/cue-index.ts npx stryker run` mutates only
// that module and runs only its tests (below). Every run reads and updates the same incremental
// file, which keeps the other modules' results, so runs module by module add up to one report.
// The incremental file is committed, and .ci/run runs `npm run test:mutation`: with nothing
// changed it reuses every result (35 s here); after a change it re-tests what the change touches.

/** Each module in scope, with the Node tests that exercise it (the only ones run on its mutants). */
const testsOf = {
  'src/captions/webvtt.ts': ['tests/node/captions/webvtt.test.ts', 'tests/node/captions/webvtt-edges.test.ts', 'tests/node/captions/cue-text.test.ts'],
  'src/captions/webvtt-timing.ts': ['tests/node/captions/webvtt.test.ts', 'tests/node/captions/webvtt-edges.test.ts', 'tests/node/captions/cue-text.test.ts'],
  'src/captions/cue-text.ts': [
    'tests/node/captions/cue-text.test.ts',
    'tests/node/captions/cue-text-edges.test.ts',
    'tests/node/render/render.test.ts',
  ],
  'src/captions/webvtt-settings.ts': ['tests/node/captions/webvtt.test.ts', 'tests/node/captions/webvtt-settings-edges.test.ts'],
  'src/captions/cue-index.ts': ['tests/node/captions/cue-index.test.ts', 'tests/node/captions/cue-index-edges.test.ts'],
  'src/captions/time-text.ts': ['tests/node/captions/time-text.test.ts'],
  'src/story/check-timed-story.ts': [
    'tests/node/story/check-timed-story.test.ts',
    'tests/node/story/check-timed-story-edges.test.ts',
    'tests/node/render/render.test.ts',
  ],
  'src/story/timed-story.ts': [
    'tests/node/story/picture-kind.test.ts',
    'tests/node/story/check-timed-story.test.ts',
    'tests/node/render/render.test.ts',
    'tests/node/render/stand-in-words.test.ts',
  ],
  'scripts/story/manuscript.ts': ['tests/node/story/manuscript.test.ts', 'tests/node/story/manuscript-edges.test.ts'],
  'scripts/story/pictures.ts': ['tests/node/render/render.test.ts'],
  'scripts/render/vtt.ts': ['tests/node/render/render.test.ts', 'tests/node/captions/cue-text.test.ts'],
  'scripts/render/podcast-chapters.ts': ['tests/node/render/render.test.ts'],
  'src/story-player/timeline.ts': ['tests/node/player/timeline.test.ts', 'tests/node/player/timeline-edges.test.ts'],
  'src/service-worker/byte-range.ts': ['tests/node/offline/byte-range.test.ts'],
};

const only = process.env.STRYKER_MODULE;
if (only !== undefined && !(only in testsOf)) {
  throw new Error(`STRYKER_MODULE=${only} is not in scope: ${Object.keys(testsOf).join(', ')}`);
}
const mutate = only === undefined ? Object.keys(testsOf) : [only];
const testFiles = [...new Set(mutate.flatMap((module) => testsOf[module]))];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  // No TypeScript checker: it type-checked each mutant for about 7 s here (time-text.ts: 9 min with
  // it, 3 min without, the same two survivors); mutants that do not type-check run under tsx and
  // are killed by the tests like any other.
  checkers: [],
  mutate,
  tap: {
    testFiles,
    nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  coverageAnalysis: 'perTest',
  // One: the machine (and CI) has two cores, shared.
  concurrency: 1,
  timeoutMS: 20000,
  incremental: true,
  // Committed: a run re-tests only the mutants in code or tests changed since it was written.
  incrementalFile: 'tests/mutation/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.tmp/stryker',
  ignorePatterns: ['dist', 'lib', '.tmp', 'bench/out', 'docs', 'reports', 'tests/mutation', 'custom-elements.json'],
  cleanTempDir: true,
};
