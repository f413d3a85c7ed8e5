import { setupServer } from 'msw/node';
import { MockBackend, type MockOptions } from './backend.js';
import { createHandlers, type HandlerOptions } from './handlers.js';
import type { ScenarioName } from './scenarios.js';

/** The same handlers for Node (`msw/node`), for adapter and scenario tests outside the browser. */
export function createMockServer(options: HandlerOptions & MockOptions & { scenario?: ScenarioName } = {}) {
  const backend = new MockBackend(options.scenario ?? 'unlinked', { origin: 'https://journal.test', ...options });
  const server = setupServer(...createHandlers(backend, options));
  return { server, backend };
}
