// Sketches of each journal's own page (not copies of any site), so that a vendor sees the widgets
// where they would live: BARS «Электронная школа», MESH and Perm «ЭПОС». A widget that opens in a
// frame of the page's own (a navbar popover, the «Партнеры» card) has its card frame dropped through
// its documented `::part(card)` (demo.css, `.j-frame`), as a vendor would do it.
import type { SferumAdapter } from '../src/adapter/adapter.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import type { Locale } from '../src/i18n/translator.js';

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

/** Texts and labels of the sketch that follow the «Язык» switch. */
let localized: ((locale: Locale) => void)[] = [];
/** A text in both languages; it follows the switch. */
const t = (ru: string, en: string): Text => {
  const node = document.createTextNode(ru);
  localized.push((locale) => (node.textContent = locale === 'en' ? en : ru));
  return node;
};
/** An attribute in both languages (an `aria-label`). */
const label = (el: Element, name: string, ru: string, en: string): void => {
  localized.push((locale) => el.setAttribute(name, locale === 'en' ? en : ru));
};

const h = (tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
};
const widget = <T extends HTMLElement>(tag: string, attrs: Record<string, string>, adapter: SferumAdapter): T =>
  Object.assign(h(tag, attrs), { adapter }) as unknown as T;

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

// The page's h2 names the sketch: its sections are h3, the widgets' headings one below.
function bars(adapter: SferumAdapter): HTMLElement {
  const section = h(
    'section',
    { id: 'bars-sferum', class: 'j-page', 'aria-labelledby': 'bars-sferum-title' },
    h('h3', { id: 'bars-sferum-title' }, t('Сферум', 'Sferum')),
    widget('sferum-hub', { vendor: 'bars', 'heading-level': '4' }, adapter),
  );
  const shortcut = h('button', { type: 'button', class: 'shortcut' }, h('span', { class: 'glyph', 'aria-hidden': 'true', lang: 'ru' }, 'С'), t('Привязать аккаунт к Сферум', 'Link the account to Sferum'));
  disclosure(shortcut, section);
  return h(
    'div',
    { class: 'journal bars' },
    h('div', { class: 'j-bar' }, h('strong', { lang: 'ru' }, 'Электронная школа'), h('span', {}, t('Рабочий стол', 'Desktop'))),
    h(
      'div',
      { class: 'desktop' },
      shortcut,
      h('span', { class: 'shortcut muted' }, h('span', { class: 'glyph', 'aria-hidden': 'true', lang: 'ru' }, 'Д'), t('Дневник', 'Diary')),
      h('span', { class: 'shortcut muted' }, h('span', { class: 'glyph', 'aria-hidden': 'true', lang: 'ru' }, 'Р'), t('Расписание', 'Schedule')),
    ),
    section,
  );
}

function mesh(adapter: SferumAdapter): HTMLElement {
  // The navbar icon «Чаты Сферум»: unlinked, the widget itself says «Мессенджер не подключён» → «Перейти к подключению».
  const chatsPanel = h('div', { id: 'mesh-chats', class: 'popover j-frame', role: 'region' }, widget('sferum-link', { vendor: 'mesh', 'storage-key': 'mesh-navbar', 'heading-level': '3' }, adapter));
  label(chatsPanel, 'aria-label', 'Чаты Сферум', 'Sferum chats');
  const chatsIcon = h('button', { type: 'button', class: 'nav-icon' }, icon(CHAT));
  label(chatsIcon, 'aria-label', 'Чаты Сферум', 'Sferum chats');
  disclosure(chatsIcon, chatsPanel);

  // Account settings → «Партнеры» → «Подключить».
  const partnersLink = widget<SferumLink>('sferum-link', { vendor: 'mesh', 'storage-key': 'mesh-partners', 'heading-level': '4' }, adapter);
  const connect = h('button', { type: 'button', class: 'j-button' }, t('Подключить', 'Connect'));
  const partnerWidget = h('div', { id: 'mesh-partner-widget' }, partnersLink);
  partnerWidget.hidden = true;
  connect.addEventListener('click', () => {
    partnerWidget.hidden = false;
    connect.hidden = true;
    void partnersLink.updateComplete.then(() => partnersLink.start('vkid'));
  });
  const tabs = h('div', { class: 'j-tabs', 'aria-hidden': 'true' }, h('span', {}, t('Профиль', 'Profile')), h('span', {}, t('Безопасность', 'Security')), h('span', { class: 'active' }, t('Партнеры', 'Partners')));
  const settings = h(
    'section',
    { class: 'j-page', 'aria-labelledby': 'mesh-settings-title' },
    h('h3', { id: 'mesh-settings-title' }, t('Настройки аккаунта', 'Account settings')),
    tabs,
    h('div', { class: 'partner j-frame' }, h('strong', {}, t('Сферум', 'Sferum')), h('p', {}, t('Чаты и видеозвонки для учёбы', 'Chats and video calls for school')), connect, partnerWidget),
  );

  const schedule = h(
    'table',
    { class: 'schedule' },
    h('caption', {}, t('Расписание на сегодня', 'Today’s schedule')),
    ...(
      [
        ['1. Алгебра', '1. Algebra', 'lesson-live'],
        ['2. Физика', '2. Physics', 'lesson-tomorrow'],
        ['3. История', '3. History', 'lesson-ended'],
        ['4. Труд', '4. Crafts', 'lesson-offline'],
      ] as const
    ).map(([ru, en, id]) => h('tr', {}, h('th', { scope: 'row' }, t(ru, en)), h('td', {}, widget('sferum-join', { vendor: 'mesh', 'lesson-id': id }, adapter)))),
  );
  const scheduleSection = h('section', { class: 'j-page' }, schedule);
  label(scheduleSection, 'aria-label', 'Расписание', 'Schedule');
  return h(
    'div',
    { class: 'journal mesh' },
    h('div', { class: 'j-bar' }, h('strong', {}, t('МЭШ', 'MESH')), h('span', {}, t('Дневник · Расписание · Настройки', 'Diary · Schedule · Settings')), chatsIcon),
    chatsPanel,
    h('div', { class: 'j-columns' }, scheduleSection, settings),
  );
}

function perm(adapter: SferumAdapter): HTMLElement {
  const panel = h('div', { id: 'perm-messages', class: 'popover j-frame', role: 'region' }, widget('sferum-link', { vendor: 'perm', 'storage-key': 'perm-messages', 'heading-level': '3' }, adapter));
  label(panel, 'aria-label', 'Личные сообщения', 'Private messages');
  const messages = h('button', { type: 'button', class: 'nav-icon' }, icon(MAIL));
  label(messages, 'aria-label', 'Личные сообщения', 'Private messages');
  disclosure(messages, panel);
  return h(
    'div',
    { class: 'journal perm' },
    h('div', { class: 'j-bar' }, h('strong', { lang: 'ru' }, 'ЭПОС'), h('span', {}, t('school.permkrai.ru · Журнал', 'school.permkrai.ru · Journal')), messages),
    panel,
    h(
      'p',
      { class: 'j-note' },
      t('Иконка «Личные сообщения» в правом верхнем углу открывает привязку учётной записи к Сферум.', 'The “Личные сообщения” icon at the top right opens linking the account to Sferum.'),
    ),
  );
}

/** The sketch of the chosen journal (generic has no page of its own: BARS stands in). */
export function renderJournal(root: HTMLElement, vendor: string, adapter: SferumAdapter, locale: Locale): void {
  localized = [];
  const build = vendor === 'mesh' ? mesh : vendor === 'perm' ? perm : bars;
  root.replaceChildren(build(adapter));
  localizeJournal(locale);
}

/** Words the sketch in the page's locale. */
export function localizeJournal(locale: Locale): void {
  for (const apply of localized) apply(locale);
}
