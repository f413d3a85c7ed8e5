// The theming section: every `--sferum-*` token and every `::part`, read from the committed
// custom-elements.json (so the list cannot drift from the sources). Each token has a live example:
// the element in the state where that token is the most visible, with only that token set (through
// one constructed stylesheet: no `style` attribute, no inline `<style>`, nothing for a CSP to block).
import manifest from '../custom-elements.json';
import type { Locale } from '../src/i18n/translator.js';
import { DEMO_TEXTS } from './texts.js';

interface Documented {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  cssProperties?: Documented[];
  cssParts?: Documented[];
}

const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

/** The state that shows a token best, and a value that cannot be mistaken for the default. */
interface TokenExample {
  value: string;
  tag: 'sferum-link' | 'sferum-join' | 'sferum-vcs' | 'sferum-chats' | 'sferum-hub';
  scenario: string;
  attrs?: Record<string, string>;
  /** Tokens set with it, where the value alone would not be readable (text on a colour). */
  with?: Record<string, string>;
  /** Seen only in an interaction: what to do. */
  hint?: 'focus';
  /** A table: the whole row of the grid, so that every column shows. */
  wide?: boolean;
}

const LIVE_LESSON = { 'lesson-id': 'lesson-live' };
const EXAMPLES: Record<string, TokenExample> = {
  '--sferum-color-accent': { value: '#7b2cbf', tag: 'sferum-join', scenario: 'linked', attrs: LIVE_LESSON },
  '--sferum-color-accent-dark': { value: '#ff9f1c', tag: 'sferum-join', scenario: 'linked', attrs: { ...LIVE_LESSON, theme: 'dark' } },
  '--sferum-color-accent-contrast': { value: '#ffe066', tag: 'sferum-join', scenario: 'linked', attrs: LIVE_LESSON, with: { '--sferum-color-accent': '#14213d' } },
  '--sferum-color-text': { value: '#6a1b9a', tag: 'sferum-link', scenario: 'linked' },
  '--sferum-color-text-muted': { value: '#7b2cbf', tag: 'sferum-join', scenario: 'linked', attrs: { 'lesson-id': 'lesson-tomorrow' } },
  '--sferum-color-surface': { value: '#fdf0d5', tag: 'sferum-link', scenario: 'linked' },
  '--sferum-color-surface-subtle': { value: '#e9d8fd', tag: 'sferum-chats', scenario: 'linked', wide: true },
  '--sferum-color-border': { value: '#9d4edd', tag: 'sferum-link', scenario: 'linked' },
  '--sferum-color-danger': { value: '#c2185b', tag: 'sferum-link', scenario: 'fault-500' },
  '--sferum-color-danger-surface': { value: '#fce4ec', tag: 'sferum-link', scenario: 'fault-500' },
  '--sferum-color-warning-surface': { value: '#ffe08a', tag: 'sferum-hub', scenario: 'unlinked', attrs: { vendor: 'perm' } },
  '--sferum-color-success': { value: '#00796b', tag: 'sferum-vcs', scenario: 'linked', wide: true },
  '--sferum-color-focus': { value: '#ff6d00', tag: 'sferum-join', scenario: 'linked', attrs: LIVE_LESSON, hint: 'focus' },
  '--sferum-radius': { value: '20px', tag: 'sferum-link', scenario: 'linked' },
  '--sferum-font-family': { value: 'Georgia, serif', tag: 'sferum-link', scenario: 'linked' },
  '--sferum-font-size': { value: '17px', tag: 'sferum-link', scenario: 'linked' },
  '--sferum-space': { value: '32px', tag: 'sferum-link', scenario: 'linked' },
};
/** The 10,000-row tile of the gallery shows this one (demo.css sets it there). */
const TABLE_HEIGHT = { token: '--sferum-table-height', value: '320px', tile: '#gallery-many-chats' };

/** What each token and part is for, in Russian (English comes from the manifest). */
const TOKENS_RU: Record<string, string> = {
  '--sferum-color-accent': 'Цвет главного действия: кнопки, ссылки, активная вкладка.',
  '--sferum-color-accent-dark': 'Цвет главного действия на тёмном фоне (theme="dark"); по умолчанию --sferum-color-accent, иначе тёмный вариант пресета.',
  '--sferum-color-accent-contrast': 'Текст на цвете главного действия.',
  '--sferum-color-text': 'Цвет текста.',
  '--sferum-color-text-muted': 'Второстепенный текст: подсказки, подписи, «Завершена».',
  '--sferum-color-surface': 'Фон элемента.',
  '--sferum-color-surface-subtle': 'Фон заголовков таблиц, уведомлений и карточек.',
  '--sferum-color-border': 'Рамки и разделители.',
  '--sferum-color-field-border': 'Край текстового поля (контраст с фоном не ниже 3:1).',
  '--sferum-color-danger': 'Текст и акценты ошибок.',
  '--sferum-color-danger-surface': 'Фон блока с ошибкой.',
  '--sferum-color-warning-surface': 'Фон уведомления.',
  '--sferum-color-success': '«Идёт» и другие знаки успеха.',
  '--sferum-color-focus': 'Рамка фокуса с клавиатуры.',
  '--sferum-radius': 'Скругление кнопок, полей и блоков.',
  '--sferum-font-family': 'Шрифт.',
  '--sferum-font-size': 'Базовый размер шрифта, в px (не rem: размер шрифта страницы не проникает внутрь).',
  '--sferum-space': 'Внутренний отступ карточки привязки (по умолчанию 16px).',
  '--sferum-table-height': 'Высота виртуализированной таблицы (по умолчанию 480px).',
};
const PARTS_RU: Record<string, string> = {
  base: 'Внутренняя обёртка элемента.',
  card: 'Карточка текущего состояния.',
  title: 'Заголовок текущего состояния.',
  button: 'Каждая кнопка действия.',
  error: 'Блок с сообщением об ошибке.',
  phone: 'Привязанный телефон.',
  dialog: 'Диалог подтверждения отвязки.',
  table: 'Таблица.',
  row: 'Каждая строка.',
  search: 'Поле поиска.',
  tabs: 'Список вкладок.',
  tab: 'Каждая вкладка.',
  panel: 'Панель вкладки.',
  notice: 'Каждое уведомление.',
  'link-card': 'Карточка привязки внутри раздела (часть card у <sferum-link>): уберите её рамку, если раздел стоит в рамке страницы.',
  'link-title': 'Заголовок карточки привязки.',
  'link-button': 'Каждая кнопка карточки привязки.',
  'link-phone': 'Привязанный телефон в карточке привязки.',
  'link-error': 'Блок с ошибкой карточки привязки.',
  reason: 'Почему подключиться сейчас нельзя.',
  remind: '«Напомнить о начале» (aria-pressed, когда напоминание задано).',
  reminders: 'Сообщения напоминаний, когда они пришли.',
  reminder: 'Одно напоминание.',
  filter: 'Переключатель «Сегодня / Предстоящие / Прошедшие».',
  join: 'Ссылка «Перейти» у идущей видеоконференции.',
};
const PART_RU_BY_TAG: Record<string, string> = {
  'sferum-join::button': '«Подключиться».',
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
};
const code = (text: string) => el('code', text);

/** What a token or part is for, in the page's language; the manifest's English where no Russian is written yet. */
function about(ru: string | undefined, en: string | undefined, locale: Locale): HTMLElement {
  const p = el('p', locale === 'ru' && ru ? ru : (en ?? ''));
  p.className = 'about';
  if (locale === 'ru' && !ru) p.lang = 'en';
  return p;
}

/** One stylesheet for every example: `[data-token-example="--x"] { --x: value }` and its swatch. */
function exampleSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  const rules: string[] = [];
  for (const [name, example] of Object.entries(EXAMPLES)) {
    const declarations = Object.entries({ [name]: example.value, ...example.with })
      .map(([token, value]) => `${token}: ${value};`)
      .join(' ');
    rules.push(`[data-token-example="${name}"] { ${declarations} }`);
    if (name.startsWith('--sferum-color-')) rules.push(`[data-token-swatch="${name}"] { background: ${example.value}; }`);
  }
  sheet.replaceSync(rules.join('\n'));
  return sheet;
}

let sheetAdopted = false;

export function renderTheming(root: HTMLElement, adapterFor: (scenario: string) => unknown, locale: Locale): void {
  const t = DEMO_TEXTS[locale];
  if (!sheetAdopted) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, exampleSheet()];
    sheetAdopted = true;
  }
  const tokens = new Map<string, string>();
  for (const d of declarations) for (const p of d.cssProperties ?? []) if (!tokens.has(p.name)) tokens.set(p.name, p.description ?? '');

  const tokenList = el('ul');
  tokenList.className = 'token-list';
  for (const [name, description] of [...tokens].sort(([a], [b]) => a.localeCompare(b))) {
    const item = el('li', el('h4', code(name)), about(TOKENS_RU[name], description, locale));
    item.className = 'token';
    const example = EXAMPLES[name];
    if (example) {
      const value = el('p', `${t.tokenExample} `);
      value.className = 'value';
      if (name.startsWith('--sferum-color-')) {
        const swatch = el('span');
        swatch.className = 'swatch';
        swatch.dataset['tokenSwatch'] = name;
        swatch.setAttribute('aria-hidden', 'true');
        value.append(swatch);
      }
      value.append(code(example.value));
      for (const [other, otherValue] of Object.entries(example.with ?? {})) value.append(` ${t.tokenAlso} `, code(`${other}: ${otherValue}`));
      if (example.hint === 'focus') value.append(` ${t.tokenFocusHint}`);
      const sample = document.createElement(example.tag) as HTMLElement & { adapter?: unknown };
      sample.adapter = adapterFor(example.scenario);
      sample.setAttribute('vendor', 'generic');
      sample.setAttribute('heading-level', '5');
      for (const [attr, v] of Object.entries(example.attrs ?? {})) sample.setAttribute(attr, v);
      sample.dataset['tokenExample'] = name;
      const box = el('div', sample);
      box.className = 'sample';
      item.append(value, box);
      if (example.wide) item.classList.add('wide');
    } else if (name === TABLE_HEIGHT.token) {
      const link = el('a', t.tokenSeeTile, ' ', code(`${TABLE_HEIGHT.token}: ${TABLE_HEIGHT.value}`));
      link.href = TABLE_HEIGHT.tile;
      const value = el('p', link);
      value.className = 'value';
      item.append(value);
    } else {
      const none = el('p', t.tokenNoSample);
      none.className = 'value';
      item.append(none);
    }
    tokenList.append(item);
  }

  // One live ::part example: the host page restyles the buttons and the card of a linked widget (demo.css).
  const partExample = el('div');
  partExample.className = 'part-example';
  const sample = document.createElement('sferum-link') as HTMLElement & { adapter?: unknown };
  sample.adapter = adapterFor('linked');
  sample.setAttribute('vendor', 'generic');
  sample.setAttribute('heading-level', '4');
  const caption = el('p', `${t.partExample} `, code('sferum-link::part(button) { border-radius: 999px; text-transform: uppercase }'), ` ${t.partExampleAnd} `, code('::part(card) { border: 2px dashed }'));
  partExample.append(caption, sample);

  const partGroups = el('div');
  partGroups.className = 'part-groups';
  for (const d of declarations) {
    if (!d.cssParts?.length) continue;
    const list = el('dl');
    for (const p of d.cssParts) list.append(el('dt', code(`::part(${p.name})`)), el('dd', about(PART_RU_BY_TAG[`${d.tagName}::${p.name}`] ?? PARTS_RU[p.name], p.description, locale)));
    const group = el('section', el('h4', code(`<${d.tagName}>`)), list);
    group.className = 'parts';
    partGroups.append(group);
  }

  root.replaceChildren(el('h3', t.tokensTitle), tokenList, el('h3', t.partsTitle), partExample, partGroups);
}
