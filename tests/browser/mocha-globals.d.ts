// The globals web-test-runner's Mocha provides. @types/mocha is not installed and the tsconfig
// limits `types` to node, so the few used here are declared by hand.
declare global {
  function describe(title: string, fn: () => void): void;
  /** `this` is the test's context: `this.timeout(ms)` gives a long test more time. */
  function it(title: string, fn: (this: { timeout(ms: number): void }) => unknown): void;
  function before(fn: () => unknown): void;
  function after(fn: () => unknown): void;
  function beforeEach(fn: () => unknown): void;
  function afterEach(fn: () => unknown): void;
}

export {};
