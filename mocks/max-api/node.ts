import { setupServer } from 'msw/node';
import { createMaxHandlers } from './handlers.js';
import { MockMax, type MockMaxOptions } from './state.js';

/** The mock MAX platform for Node: `server.listen()` intercepts the bot's calls to the MAX Bot API. */
export function createMaxMockServer(options: MockMaxOptions & { baseUrl?: string } = {}) {
  const max = new MockMax(options);
  const server = setupServer(...createMaxHandlers(max, options));
  return { server, max };
}
