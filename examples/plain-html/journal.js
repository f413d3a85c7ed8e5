// The page's script, a file of its own: a strict Content-Security-Policy (`script-src 'self'`) blocks inline scripts.
// The CDN build as npm installs it: served from this page's own folder, no bundler, no import map.
// From a CDN it is the same files, e.g. https://cdn.jsdelivr.net/npm/sferum-widgets@0.1.0/dist/cdn/all.js
import './node_modules/sferum-widgets/dist/cdn/all.js';
// The kit's mock backend stands in for the journal's own (createHttpAdapter({ baseUrl: '/api/sferum' })).
import { createMockJournal } from './mock-journal.js';

const provider = document.querySelector('sferum-provider');
provider.adapter = createMockJournal().adapter;
provider.addEventListener('sferum-link-status-change', (event) => {
  document.querySelector('#journal-status').textContent = `Сферум: ${event.detail.state}`;
});
provider.addEventListener('sferum-error', (event) => console.warn('sferum-error', event.detail.kind, event.detail.operation));
