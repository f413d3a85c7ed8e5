// Correct use of every tag from React 19: must compile without an error.
import type {} from 'sferum-widgets/react';
import { createHttpAdapter, type SferumErrorEvent, type SferumLinkStatusChangeEvent } from 'sferum-widgets';
import 'sferum-widgets/all';

const adapter = createHttpAdapter({ baseUrl: '/api/sferum' });

export function Journal({ onLinked }: { onLinked: (linked: boolean) => void }) {
  const onStatus = (event: SferumLinkStatusChangeEvent) => onLinked(event.detail.state === 'linked');
  const onError = (event: SferumErrorEvent) => console.warn(event.detail.kind, event.detail.operation);
  return (
    <sferum-provider adapter={adapter} vendor="bars" user-role="parent" time-zone="Asia/Yekaterinburg" theme="auto" locale="ru">
      <sferum-hub onsferum-link-status-change={onStatus} onsferum-error={onError} className="journal-sferum" />
      <sferum-link
        storage-key="settings"
        preset={{ unlinkPolicy: { teacher: 'self' } }}
        messages={{ ru: { entryTitle: 'Чаты школы' } }}
        onsferum-link-status-change={(event) => event.detail.method}
        onsferum-auth-required={(event) => (event.target as HTMLElement).id}
      />
      <sferum-chats sort-by="members" sort-descending allowedHosts={['files.example.ru']} />
      <sferum-vcs userRole="teacher" timeZone="Europe/Moscow" />
      <sferum-join lesson-id="lesson-2026-11-23-3" lessonId="lesson-2026-11-23-3" onsferum-error={onError} />
    </sferum-provider>
  );
}
