// A journal page with the «Сферум» section. CUSTOM_ELEMENTS_SCHEMA lets the template use the
// <sferum-*> tags; importing their define modules registers them and adds them to
// HTMLElementTagNameMap, so with strictTemplates Angular types each `$event` by the element's own
// events: `onStatus($event)` compiles only because `$event` is a SferumLinkStatusChangeEvent.
import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { SferumErrorEvent, SferumLinkStatusChangeEvent } from 'sferum-widgets';
import 'sferum-widgets/provider';
import 'sferum-widgets/hub';
// The kit's mock backend stands in for the journal's own (createHttpAdapter({ baseUrl: '/api/sferum' })).
import { createMockJournal } from './mock-journal.js';

@Component({
  selector: 'app-journal',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Электронный журнал</h1>
      <!-- The host's own view of the link, kept by its listener. -->
      <p id="journal-status" role="status">Сферум: {{ state() }}</p>
      <sferum-provider [adapter]="journal.adapter" vendor="bars" user-role="parent">
        <sferum-hub (sferum-link-status-change)="onStatus($event)" (sferum-error)="onError($event)"></sferum-hub>
      </sferum-provider>
    </main>
  `,
})
export class JournalComponent {
  readonly journal = createMockJournal();
  readonly state = signal<SferumLinkStatusChangeEvent['detail']['state'] | '…'>('…');

  onStatus(event: SferumLinkStatusChangeEvent): void {
    this.state.set(event.detail.state);
  }

  onError(event: SferumErrorEvent): void {
    console.warn('sferum-error', event.detail.kind, event.detail.operation);
  }
}
