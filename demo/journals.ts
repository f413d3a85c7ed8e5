// Sketches of each journal's own page (not copies of any site), so that a vendor sees the widgets
// where they would live: BARS «Электронная школа», MESH and Perm «ЭПОС».
import type { SferumAdapter } from '../src/adapter/adapter.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';

/** Icons as inline SVG (no icon font, no emoji font needed). */
const icon = (path: string): SVGSVGElement => {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill', 'currentColor');
  svg.append(p);
  return svg;
};
const CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
const MAIL = 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.2V17h16V7.2l-8 5.3-8-5.3zM5.6 7l6.4 4.2L18.4 7H5.6z';

const h = (tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
};

/** A button that shows and hides a panel (disclosure pattern). */
function disclosure(button: HTMLElement, panel: HTMLElement): void {
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', panel.id);
  panel.hidden = true;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  });
}

function bars(adapter: SferumAdapter): HTMLElement {
  const section = h('section', { id: 'bars-sferum', class: 'j-page', 'aria-label': 'Сферум' }, h('h4', {}, 'Сферум'), Object.assign(h('sferum-hub', { vendor: 'bars' }), { adapter }));
  const shortcut = h('button', { type: 'button', class: 'shortcut' }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, 'С'), 'Привязать аккаунт к Сферум');
  disclosure(shortcut, section);
  return h(
    'div',
    { class: 'journal bars' },
    h('div', { class: 'j-bar' }, h('strong', {}, 'Электронная школа'), h('span', {}, 'Рабочий стол')),
    h(
      'div',
      { class: 'desktop' },
      shortcut,
      h('span', { class: 'shortcut muted' }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, 'Д'), 'Дневник'),
      h('span', { class: 'shortcut muted' }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, 'Р'), 'Расписание'),
    ),
    section,
  );
}

function mesh(adapter: SferumAdapter): HTMLElement {
  // The navbar icon «Чаты Сферум»: unlinked, the widget itself says «Мессенджер не подключен» → «Перейти к подключению».
  const chatsPanel = h('div', { id: 'mesh-chats', class: 'popover', role: 'region', 'aria-label': 'Чаты Сферум' }, Object.assign(h('sferum-link', { vendor: 'mesh', 'storage-key': 'mesh-navbar' }), { adapter }));
  const chatsIcon = h('button', { type: 'button', class: 'nav-icon', 'aria-label': 'Чаты Сферум' }, icon(CHAT));
  disclosure(chatsIcon, chatsPanel);

  // Account settings → «Партнеры» → «Подключить».
  const partnersLink = Object.assign(h('sferum-link', { vendor: 'mesh', 'storage-key': 'mesh-partners' }), { adapter }) as SferumLink;
  const connect = h('button', { type: 'button', class: 'j-button' }, 'Подключить');
  const partnerWidget = h('div', { id: 'mesh-partner-widget' }, partnersLink);
  partnerWidget.hidden = true;
  connect.addEventListener('click', () => {
    partnerWidget.hidden = false;
    connect.hidden = true;
    void partnersLink.updateComplete.then(() => partnersLink.start('vkid'));
  });
  const settings = h(
    'section',
    { class: 'j-page', 'aria-labelledby': 'mesh-settings-title' },
    h('h4', { id: 'mesh-settings-title' }, 'Настройки аккаунта'),
    h('div', { class: 'j-tabs', 'aria-hidden': 'true' }, h('span', {}, 'Профиль'), h('span', {}, 'Безопасность'), h('span', { class: 'active' }, 'Партнеры')),
    h('div', { class: 'partner' }, h('strong', {}, 'Сферум'), h('p', {}, 'Чаты и видеозвонки для учёбы'), connect, partnerWidget),
  );

  const schedule = h(
    'table',
    { class: 'schedule' },
    h('caption', {}, 'Расписание на сегодня'),
    ...[
      ['1. Алгебра', 'lesson-live'],
      ['2. Физика', 'lesson-tomorrow'],
      ['3. История', 'lesson-ended'],
      ['4. Труд', 'lesson-offline'],
    ].map(([lesson, id]) => h('tr', {}, h('th', { scope: 'row' }, lesson!), h('td', {}, Object.assign(h('sferum-join', { vendor: 'mesh', 'lesson-id': id! }), { adapter })))),
  );
  return h(
    'div',
    { class: 'journal mesh' },
    h('div', { class: 'j-bar' }, h('strong', {}, 'МЭШ'), h('span', {}, 'Дневник · Расписание · Настройки'), chatsIcon),
    chatsPanel,
    h('div', { class: 'j-columns' }, h('section', { class: 'j-page', 'aria-label': 'Расписание' }, schedule), settings),
  );
}

function perm(adapter: SferumAdapter): HTMLElement {
  const panel = h('div', { id: 'perm-messages', class: 'popover', role: 'region', 'aria-label': 'Личные сообщения' }, Object.assign(h('sferum-link', { vendor: 'perm', 'storage-key': 'perm-messages' }), { adapter }));
  const messages = h('button', { type: 'button', class: 'nav-icon', 'aria-label': 'Личные сообщения' }, icon(MAIL));
  disclosure(messages, panel);
  return h(
    'div',
    { class: 'journal perm' },
    h('div', { class: 'j-bar' }, h('strong', {}, 'ЭПОС'), h('span', {}, 'school.permkrai.ru · Журнал'), messages),
    panel,
    h('p', { class: 'j-note' }, 'Иконка «Личные сообщения» в правом верхнем углу открывает привязку учебного профиля VK ID.'),
  );
}

/** The sketch of the chosen journal (generic has no page of its own: BARS stands in). */
export function renderJournal(root: HTMLElement, vendor: string, adapter: SferumAdapter): void {
  const build = vendor === 'mesh' ? mesh : vendor === 'perm' ? perm : bars;
  root.replaceChildren(build(adapter));
}
