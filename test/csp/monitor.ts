// Loaded first on the strict-CSP page: records every CSP violation, console error and uncaught error.
export interface CspReport {
  violations: string[];
  errors: string[];
  warnings: string[];
  /** ResizeObserver loop notices (see below): counted, not errors. */
  resizeLoops: number;
}

const report: CspReport = { violations: [], errors: [], warnings: [], resizeLoops: 0 };
(window as unknown as { cspReport: CspReport }).cspReport = report;

addEventListener(
  'securitypolicyviolation',
  (e) =>
    report.violations.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}:${e.columnNumber} «${e.sample}»`,
    ),
  true,
);
const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
const { error, warn } = console;
console.error = (...args: unknown[]) => {
  report.errors.push(text(args));
  error.apply(console, args);
};
console.warn = (...args: unknown[]) => {
  report.warnings.push(text(args));
  warn.apply(console, args);
};
addEventListener('error', (e) => {
  // The virtualizer's ResizeObservers defer a notification to the next frame when rows settle; the spec
  // reports that as an ErrorEvent on window, which Chromium and Firefox do not print to the console and
  // which has nothing to do with CSP. Counted apart so that the walk can still fail on real errors.
  if (e.message.startsWith('ResizeObserver loop completed with undelivered notifications')) report.resizeLoops++;
  else report.errors.push(`uncaught: ${e.message} at ${e.filename}:${e.lineno}`);
});
addEventListener('unhandledrejection', (e) => report.errors.push(`unhandled rejection: ${text([e.reason])}`));
