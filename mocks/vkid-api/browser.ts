import { setupWorker } from 'msw/browser';
import { createVkidHandlers } from './handlers.js';
import { MockVkid, type MockVkidOptions } from './state.js';

/**
 * Mock VK ID in a page (fetches to id.vk.com). A popup that navigates to the authorize page is
 * not a fetch and is not intercepted: point `vkid.authorizeUrl` at a page of your own origin.
 */
export function createVkidMockWorker(options: MockVkidOptions & { baseUrl?: string } = {}) {
  const vkid = new MockVkid(options);
  const worker = setupWorker(...createVkidHandlers(vkid, options));
  return { worker, vkid };
}
