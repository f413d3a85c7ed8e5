// A journal page with the «Сферум» section. The tags are typed by sferum-widgets/react: a wrong
// attribute value, a property of the wrong type or a detail field that does not exist fails `tsc`.
import { useState } from 'react';
import type {} from 'sferum-widgets/react';
import type { SferumErrorEvent, SferumLinkStatusChangeEvent } from 'sferum-widgets';
import 'sferum-widgets/provider';
import 'sferum-widgets/hub';
// The kit's mock backend stands in for the journal's own (createHttpAdapter({ baseUrl: '/api/sferum' })).
import { createMockJournal } from './mock-journal.js';

const journal = createMockJournal();

export function Journal() {
  const [state, setState] = useState<SferumLinkStatusChangeEvent['detail']['state'] | '…'>('…');
  const onStatus = (event: SferumLinkStatusChangeEvent) => setState(event.detail.state);
  const onError = (event: SferumErrorEvent) => console.warn('sferum-error', event.detail.kind, event.detail.operation);

  return (
    <main>
      <h1>Электронный журнал</h1>
      {/* The host's own view of the link, kept by its listener. */}
      <p id="journal-status" role="status">
        Сферум: {state}
      </p>
      <sferum-provider adapter={journal.adapter} vendor="bars" user-role="parent">
        <sferum-hub onsferum-link-status-change={onStatus} onsferum-error={onError} />
      </sferum-provider>
    </main>
  );
}
