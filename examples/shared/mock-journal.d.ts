// Types of the bundled mock-journal.js that `npm run examples` puts beside each app's code.
import type { SferumAdapter } from 'sferum-widgets';

export interface MockJournal {
  /** Give this to `<sferum-provider>` (or any element) as its `adapter`. */
  adapter: SferumAdapter;
}

/** A journal whose user is not linked yet; linking through MAX is confirmed after two polls. */
export function createMockJournal(): MockJournal;
