// The closing line every runner prints, "N passed, M failed" alone on a line, which CI reads.

/** Prints the closing line for an extension-test run and returns the process exit code to use. */
export function printSummary(label, { exitCode, result }) {
  if (!result) {
    console.error(`${label}: the suite never reported results (exit code ${exitCode}); see the output above.`);
    console.log('0 passed, 1 failed');
    return exitCode || 1;
  }
  if (exitCode !== 0 && result.failed === 0) {
    console.error(`${label}: the run ended with exit code ${exitCode} although no test failed; see the output above.`);
  }
  printCounts(result);
  return exitCode !== 0 ? exitCode : result.failed > 0 ? 1 : 0;
}

export function printCounts({ passed, failed, pending = 0 }) {
  console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
}
