import { setupServer } from 'msw/node';
import { createVkidHandlers } from './handlers.js';
import { MockVkid, type MockVkidOptions } from './state.js';

/** Mock VK ID for Node: `server.listen()` intercepts the server's calls to id.vk.com. */
export function createVkidMockServer(options: MockVkidOptions & { baseUrl?: string } = {}) {
  const vkid = new MockVkid(options);
  const server = setupServer(...createVkidHandlers(vkid, options));
  return { server, vkid };
}
