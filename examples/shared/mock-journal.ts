// The kit's mock backend for the example apps: the stateful mock journal of mocks/ behind an
// in-page adapter (no server, no service worker). `npm run examples` bundles this file for each
// app as `mock-journal.js`, with every import of the kit's own sources pointing at the installed
// package instead ('sferum-widgets', or the CDN build's index.js for the plain page), so that the
// mock throws the very SferumError class the elements check. A journal writes its own adapter or
// uses createHttpAdapter; nothing here ships in the package.
import type { SferumAdapter } from '../../src/adapter/adapter.js';
import { MockBackend } from '../../mocks/backend.js';
import { localAdapter } from '../../mocks/local-adapter.js';

export interface MockJournal {
  /** Give this to `<sferum-provider>` (or any element) as its `adapter`. */
  adapter: SferumAdapter;
}

/**
 * A journal whose user is not linked yet. Linking through MAX ends as if the person pressed
 * «Подключить» in MAX (the mock's `max-confirmed` scenario, after two status polls).
 */
export function createMockJournal(): MockJournal {
  const backend = new MockBackend('max-confirmed', { vendor: 'bars', origin: location.origin, pollIntervalMs: 1000 });
  return { adapter: localAdapter(backend) };
}
