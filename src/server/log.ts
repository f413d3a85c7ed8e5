/**
 * Structured log lines with a fixed set of fields. Nothing the user typed or a provider returned
 * is logged as such: routes are templates (no ids but the flow's), errors pass through `scrub`.
 */

export interface ServerLogEntry {
  level: 'info' | 'warn' | 'error';
  /** What happened, e.g. `request`, `flow-started`, `flow-linked`, `vkid-exchange-failed`. */
  event: string;
  /** The route template, e.g. `POST /link/flows/:flowId/external`. */
  route?: string;
  status?: number;
  /** The error kind answered, when there was one. */
  kind?: string;
  flowId?: string;
  method?: 'vkid' | 'max';
  /** Milliseconds spent. */
  ms?: number;
  /** A short developer note, already scrubbed. */
  detail?: string;
}

export type Logger = (entry: ServerLogEntry) => void;

/** Warnings and errors to the console, one JSON line each. */
export const consoleLogger: Logger = (entry) => {
  if (entry.level === 'error') console.error(JSON.stringify(entry));
  else if (entry.level === 'warn') console.warn(JSON.stringify(entry));
};

/**
 * Removes what could be a secret from free text: runs of 5+ digits (phones, codes, ids), long
 * token-like strings, query strings, `key=value` pairs. What is left says what failed, not with what.
 */
export function scrub(text: string, max = 200): string {
  return text
    .replace(/\?[^\s]*/g, '?…')
    .replace(/\b([\w-]{1,40})=[^\s&,;]+/g, '$1=…')
    .replace(/[A-Za-z0-9_\-+/=.]{20,}/g, '…')
    .replace(/\+?\d[\d\s()-]{3,}\d/g, '…')
    .slice(0, max);
}

/** The log line of a caught error: its class and a scrubbed message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return scrub(`${error.name}: ${error.message}`);
  return 'non-error thrown';
}
