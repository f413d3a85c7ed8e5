import { setupWorker } from 'msw/browser';
import { createMaxHandlers } from './handlers.js';
import { MockMax, type MockMaxOptions } from './state.js';

/** The mock MAX platform in a page (a server running in a service worker, for example). Start the worker yourself. */
export function createMaxMockWorker(options: MockMaxOptions & { baseUrl?: string } = {}) {
  const max = new MockMax(options);
  const worker = setupWorker(...createMaxHandlers(max, options));
  return { worker, max };
}
