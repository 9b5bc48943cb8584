// Vitest reporter that ends the run with one plain `N passed, N failed[, N skipped]` line for CI to read.
import type { Reporter, TestModule } from 'vitest/node';
import type { SerializedError } from 'vitest';

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else if (state === 'skipped') skipped += 1;
      }
      // A file that fails to import, or whose beforeAll throws before any test runs, has no failed
      // test cases; count it once so a broken file can never read as "0 failed".
      const moduleBroken = testModule.errors().length > 0 || (testModule.state() === 'failed' && !hasFailedTest(testModule));
      if (moduleBroken) failed += 1;
    }
    // Errors thrown outside any test (e.g. an unawaited rejection) also make vitest exit non-zero.
    failed += unhandledErrors.length;
    const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
    // Written straight to stdout after the default reporter so it is the last line.
    process.stdout.write(`${line}\n`);
  }
}

function hasFailedTest(testModule: TestModule): boolean {
  for (const _ of testModule.children.allTests('failed')) return true;
  return false;
}
