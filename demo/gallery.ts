// The gallery: every element in every state, side by side, each tile naming what feeds it.
// Link steps are real: the tile's mock backend is walked to the step with the right answers and
// the element resumes that flow (the way it resumes after a reload), so each tile is the live
// wizard, not a picture of it.
import { answerFor } from '../mocks/answers.js';
import type { MockBackend } from '../mocks/backend.js';
import type { ScenarioName } from '../mocks/scenarios.js';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { SferumError, type SferumErrorKind } from '../src/adapter/errors.js';
import type { FlowState, Step } from '../src/adapter/schemas.js';
import { faultText } from '../src/components/base/error-text.js';
import { flowErrorView } from '../src/components/link/flow-errors.js';
import { flowPack } from '../src/components/link/flow.js';
import { saveFlow } from '../src/flows/flow-store.js';
import { loadLocale, Translator, type Locale } from '../src/i18n/translator.js';
import { loadPreset, resolvePreset } from '../src/presets/registry.js';
import type { Role } from '../src/presets/types.js';
import { DEMO_TEXTS } from './texts.js';

type Tag = 'sferum-link' | 'sferum-chats' | 'sferum-vcs' | 'sferum-join' | 'sferum-hub';

/** How a step tile reaches its step: which flow, and what the person does on the way. */
interface StepPath {
  method: 'vkid' | 'max';
  /** The step to stop at. */
  until: (step: Step) => boolean;
  /** At the password step, «Забыли или не установили пароль?» (the recovery steps). */
  recovery?: boolean;
  /** At the code step, «Подтвердить другим способом» this many times (SMS → call → push). */
  otherMethod?: number;
  /** A modal step: opened by a button in the tile, so that it does not make the whole page inert. */
  onDemand?: boolean;
}

export interface Tile {
  group: string;
  /** Russian, English. */
  title: [string, string];
  /** What feeds the tile: a scenario of the mock backend, or a special adapter. */
  scenario: ScenarioName | 'loading' | 'no-adapter';
  tag?: Tag;
  wide?: boolean;
  /** A class on the tile (demo.css sets a token for it). */
  className?: string;
  vendor?: string;
  role?: Role;
  attrs?: Record<string, string>;
  step?: StepPath;
}

const kind =
  (k: Step['kind'], extra: (step: Step) => boolean = () => true) =>
  (step: Step) =>
    step.kind === k && extra(step);
// The backend's raw answers leave `purpose` out for a login code (the schema's default).
const code = (channel: string, purpose = 'login') => kind('code', (s) => s.kind === 'code' && s.channel === channel && (s.purpose ?? 'login') === purpose);

export const TILES: Tile[] = [
  // ---- <sferum-link>: status ----
  { group: 'link', scenario: 'loading', title: ['Загрузка', 'Loading'] },
  { group: 'link', scenario: 'unlinked', title: ['Не привязан: вход', 'Not linked: the entry'] },
  { group: 'link', scenario: 'pending', title: ['Ожидание подтверждения в MAX', 'Waiting for the confirmation in MAX'] },
  { group: 'link', scenario: 'linked', title: ['Привязан (БАРС: отвязка здесь)', 'Linked (BARS: unlink here)'], vendor: 'bars' },
  { group: 'link', scenario: 'linked', title: ['Привязан (МЭШ, учитель: отвязка через поддержку)', 'Linked (MESH, teacher: unlink through support)'], vendor: 'mesh', role: 'teacher' },
  { group: 'link', scenario: 'linked', title: ['Привязан (МЭШ, ученик: отвязка в «Моём паспорте»)', 'Linked (MESH, student: unlink in “Мой паспорт”)'], vendor: 'mesh', role: 'student' },
  { group: 'link', scenario: 'linked', title: ['Привязан (Пермь: «Перейти в VK Мессенджер»)', 'Linked (Perm: “Перейти в VK Мессенджер”)'], vendor: 'perm' },
  // ---- <sferum-link>: each step ----
  { group: 'steps', scenario: 'vkid-variant-1', title: ['Вход в VK ID (телефон или почта)', 'VK ID login (phone or e-mail)'], step: { method: 'vkid', until: kind('login') } },
  { group: 'steps', scenario: 'vkid-known-session', title: ['Ваш профиль для связки', 'Your profile to link'], step: { method: 'vkid', until: kind('known-account') } },
  { group: 'steps', scenario: 'vkid-variant-1', title: ['Пароль', 'Password'], step: { method: 'vkid', until: kind('password') } },
  { group: 'steps', scenario: 'vkid-variant-1', title: ['Код из SMS (с таймером)', 'SMS code (with the timer)'], step: { method: 'vkid', until: code('sms') } },
  { group: 'steps', scenario: 'vkid-variant-1', title: ['Звонок-сброс: последние 4 цифры', 'Call-reset: the last 4 digits'], step: { method: 'vkid', until: code('call'), otherMethod: 1 } },
  { group: 'steps', scenario: 'vkid-variant-2', title: ['Код в приложении VK (push)', 'Code in the VK app (push)'], step: { method: 'vkid', until: code('push') } },
  { group: 'steps', scenario: 'vkid-variant-1', title: ['Выберите профиль для связки', 'Choose the profile to link'], step: { method: 'vkid', until: kind('choose-profile') } },
  { group: 'steps', scenario: 'vkid-variant-2', title: ['Создание учебного профиля', 'Creating an educational profile'], step: { method: 'vkid', until: kind('create-profile') } },
  { group: 'steps', scenario: 'vkid-variant-1', title: ['Информация о себе', 'About you'], step: { method: 'vkid', until: kind('about-you') } },
  { group: 'steps', scenario: 'vkid-variant-3', title: ['МЭШ: Добавление профиля «Сферум»', 'MESH: adding the Sferum profile'], vendor: 'mesh', step: { method: 'vkid', until: kind('consent'), onDemand: true } },
  { group: 'steps', scenario: 'vkid-hosted', title: ['Вход на страницах VK ID (всплывающее окно)', 'Login on VK ID’s own pages (a popup)'], step: { method: 'vkid', until: kind('external') } },
  { group: 'steps', scenario: 'vkid-recovery', title: ['Восстановление: телефон', 'Recovery: phone'], step: { method: 'vkid', until: kind('recovery-phone'), recovery: true } },
  { group: 'steps', scenario: 'vkid-recovery', title: ['Восстановление: код из SMS', 'Recovery: SMS code'], step: { method: 'vkid', until: code('sms', 'recovery'), recovery: true } },
  { group: 'steps', scenario: 'vkid-recovery', title: ['Восстановление: это ваш аккаунт?', 'Recovery: is this your account?'], step: { method: 'vkid', until: kind('recovery-account'), recovery: true } },
  { group: 'steps', scenario: 'vkid-recovery', title: ['Восстановление: способ подтверждения', 'Recovery: how to confirm'], step: { method: 'vkid', until: kind('recovery-method'), recovery: true } },
  { group: 'steps', scenario: 'vkid-recovery', title: ['Восстановление: код из письма', 'Recovery: e-mail code'], step: { method: 'vkid', until: code('email', 'recovery'), recovery: true } },
  { group: 'steps', scenario: 'vkid-recovery', title: ['Восстановление: новый пароль', 'Recovery: new password'], step: { method: 'vkid', until: kind('new-password'), recovery: true } },
  { group: 'steps', scenario: 'max-confirmed', title: ['MAX: номер телефона', 'MAX: phone number'], step: { method: 'max', until: kind('max-phone') } },
  // ---- MAX from a desktop, SMS codes from the phone (issue 14) ----
  { group: 'beyond', scenario: 'max-deep-link', title: ['MAX с компьютера: «Открыть MAX», ссылка и QR-код', 'MAX from a desktop: “Open MAX”, the link and a QR code'], wide: true, step: { method: 'max', until: kind('max-pending') } },
  { group: 'beyond', scenario: 'max-deep-link', title: ['MAX на телефоне: ссылка первой, QR-код по кнопке', 'MAX on a phone: the link first, the QR code behind a button'], step: { method: 'max', until: kind('max-pending') } },
  { group: 'beyond', scenario: 'max-deep-link-expiring', title: ['MAX: запрос действует 20 секунд, затем истекает', 'MAX: the request lasts 20 seconds, then expires'], step: { method: 'max', until: kind('max-pending') } },
  { group: 'beyond', scenario: 'vkid-variant-1', title: ['Код из SMS: телефон подставит его сам (WebOTP, где браузер умеет)', 'SMS code: the phone fills it in (WebOTP, where the browser can)'], step: { method: 'vkid', until: code('sms') } },
  // ---- faults ----
  { group: 'faults', scenario: 'fault-network', title: ['Ошибка сети', 'Network error'] },
  { group: 'faults', scenario: 'fault-timeout', title: ['Сервер не отвечает', 'The server does not answer'] },
  { group: 'faults', scenario: 'fault-401', title: ['Сеанс журнала истёк (401)', 'The journal session expired (401)'] },
  { group: 'faults', scenario: 'fault-429', title: ['Слишком много запросов (429)', 'Too many requests (429)'] },
  { group: 'faults', scenario: 'fault-500', title: ['Ошибка сервера (500)', 'Server error (500)'] },
  { group: 'faults', scenario: 'fault-malformed', title: ['Непонятный ответ сервера', 'A malformed answer'] },
  { group: 'faults', scenario: 'no-adapter', title: ['Адаптер не задан', 'No adapter set'] },
  // ---- lists ----
  { group: 'lists', scenario: 'linked', title: ['Чаты (сиды)', 'Chats (the seeds’)'], tag: 'sferum-chats', wide: true },
  { group: 'lists', scenario: 'linked-many-chats', title: ['Чаты: 10 000 строк (виртуализация)', 'Chats: 10,000 rows (virtualized)'], tag: 'sferum-chats', wide: true, className: 'many-chats' },
  { group: 'lists', scenario: 'unlinked', title: ['Чатов нет', 'No chats'], tag: 'sferum-chats' },
  { group: 'lists', scenario: 'fault-500', title: ['Чаты: ошибка сервера', 'Chats: server error'], tag: 'sferum-chats' },
  { group: 'lists', scenario: 'loading', title: ['Чаты: загрузка', 'Chats: loading'], tag: 'sferum-chats' },
  { group: 'lists', scenario: 'linked', title: ['Видеоконференции: идёт, скоро, завтра, завершена', 'Conferences: live, soon, tomorrow, ended'], tag: 'sferum-vcs', wide: true },
  { group: 'lists', scenario: 'fault-network', title: ['Видеоконференции: нет сети', 'Conferences: no network'], tag: 'sferum-vcs' },
  {
    group: 'beyond',
    scenario: 'linked',
    title: ['Видеоконференции: «Добавить в календарь», «Напомнить о начале» (за 15 минут: напомнит к началу собрания)', 'Conferences: “Add to calendar”, “Remind me” (15 minutes before: a reminder as the meeting starts)'],
    tag: 'sferum-vcs',
    wide: true,
    attrs: { 'reminder-minutes': '15' },
  },
  { group: 'beyond', scenario: 'linked', title: ['Урок завтра: «Добавить в календарь», «Напомнить о начале»', 'A lesson tomorrow: “Add to calendar”, “Remind me”'], tag: 'sferum-join', attrs: { 'lesson-id': 'lesson-tomorrow' } },
  // ---- join ----
  { group: 'join', scenario: 'linked', title: ['Урок идёт: «Подключиться»', 'The lesson is live: “Join”'], tag: 'sferum-join', attrs: { 'lesson-id': 'lesson-live' } },
  { group: 'join', scenario: 'linked', title: ['Урок завтра', 'A lesson tomorrow'], tag: 'sferum-join', attrs: { 'lesson-id': 'lesson-tomorrow' } },
  { group: 'join', scenario: 'linked', title: ['Урок завершён', 'The lesson has ended'], tag: 'sferum-join', attrs: { 'lesson-id': 'lesson-ended' } },
  { group: 'join', scenario: 'linked', title: ['Не онлайн-урок', 'Not an online lesson'], tag: 'sferum-join', attrs: { 'lesson-id': 'lesson-offline' } },
  { group: 'join', scenario: 'linked', title: ['Родитель: ребёнок подключается сам', 'Parent: the child joins from their own account'], tag: 'sferum-join', role: 'parent', attrs: { 'lesson-id': 'lesson-live' } },
  { group: 'join', scenario: 'fault-network', title: ['Нет сети', 'No network'], tag: 'sferum-join', attrs: { 'lesson-id': 'lesson-live' } },
  // ---- hub and notices ----
  { group: 'hub', scenario: 'linked-notices', title: ['Уведомления: новый учебный год и восстановление', 'Notices: a new school year and restored'], tag: 'sferum-hub', wide: true },
  { group: 'hub', scenario: 'linked', title: ['Пермь: «Никому не передавайте…»', 'Perm: “Никому не передавайте…”'], tag: 'sferum-hub', vendor: 'perm', wide: true },
  { group: 'hub', scenario: 'unlinked', title: ['Раздел до привязки', 'The section before linking'], tag: 'sferum-hub', wide: true },
];

export const GROUPS: Record<string, [string, string]> = {
  link: ['<sferum-link>: состояния и политики отвязки', '<sferum-link>: states and unlink policies'],
  steps: ['<sferum-link>: каждый шаг привязки', '<sferum-link>: every linking step'],
  faults: ['Сбои (с «Повторить»)', 'Faults (with “Try again”)'],
  errors: ['Сообщения об ошибках в шагах', 'Error messages in the steps'],
  lists: ['<sferum-chats> и <sferum-vcs>', '<sferum-chats> and <sferum-vcs>'],
  beyond: ['Сверх журналов: MAX по QR-коду, код из SMS, календарь, напоминание', 'Beyond the journals: MAX by QR code, SMS code, calendar, reminder'],
  join: ['<sferum-join>', '<sferum-join>'],
  hub: ['<sferum-hub> и уведомления', '<sferum-hub> and notices'],
};

/** The tile headings are h4 (page h2, group h3): the widgets' own headings go one below. */
const TILE_WIDGET_HEADING_LEVEL = '5';

/** The tile's backend: one per scenario (following the page's vendor), or per scenario and vendor for tiles that have their own. */
export function tileKey(tile: Tile): string {
  return tile.vendor ? `${tile.scenario}-${tile.vendor}` : tile.scenario;
}

/** Walks a backend's new flow to the tile's step; returns the flow id, or undefined if the path ends first. */
export function openAt(backend: MockBackend, path: StepPath): string | undefined {
  let response = backend.startLink({ method: path.method });
  let switched = 0;
  let recovered = false;
  for (let i = 0; i < 30 && response.status === 200; i++) {
    const flow = response.body as FlowState;
    const step = flow.step;
    if (path.until(step)) return flow.flowId;
    if (path.recovery && !recovered && step.kind === 'password') {
      recovered = true;
      response = backend.submitStep(flow.flowId, step.id, { action: 'forgot-password' });
      continue;
    }
    if ((path.otherMethod ?? 0) > switched && step.kind === 'code') {
      switched++;
      response = backend.submitStep(flow.flowId, step.id, { action: 'other-method' });
      continue;
    }
    const answer = answerFor(flow);
    if (answer === 'external' && step.kind === 'external') response = backend.completeExternal(flow.flowId, { params: { code: 'demo', state: step.state } });
    else if (typeof answer === 'object') response = backend.submitStep(flow.flowId, step.id, answer);
    else return undefined;
  }
  return undefined;
}

export interface GalleryContext {
  backendFor: (tile: Tile) => MockBackend;
  adapterFor: (tile: Tile) => SferumAdapter;
}

const never: SferumAdapter = new Proxy({} as SferumAdapter, { get: () => () => new Promise(() => undefined) });

/** Each step tile's flow is opened afresh (at start, and after the backends are reset). */
export function openSteps(context: GalleryContext, root: ParentNode): void {
  TILES.forEach((tile, index) => {
    if (tile.step && !tile.step.onDemand) openStep(context, root, index);
  });
}

function openStep(context: GalleryContext, root: ParentNode, index: number): void {
  const tile = TILES[index]!;
  const flowId = openAt(context.backendFor(tile), tile.step!);
  if (flowId) saveFlow(`gallery-step-${index}`, { flowId, method: tile.step!.method });
  root.querySelector<HTMLElement & { retry?: () => void }>(`[storage-key="gallery-step-${index}"]`)?.retry?.();
}

/** Texts of the gallery that follow the «Язык» switch: each node with how to word it. */
const localized: [Node, (locale: Locale) => string][] = [];

/** Words the gallery's own texts in the page's locale (the widgets follow the provider). */
export function localizeGallery(locale: Locale): void {
  for (const [node, text] of localized) node.textContent = text(locale);
}

function sourceText(tile: Tile, locale: Locale): string {
  const t = DEMO_TEXTS[locale];
  if (tile.scenario === 'loading') return t.sourceLoading;
  if (tile.scenario === 'no-adapter') return t.sourceNoAdapter;
  const who = [tile.vendor && t.sourceVendor(tile.vendor), tile.role && t.sourceRole(tile.role)].filter(Boolean).join(', ');
  return `${t.sourceScenario(tile.scenario)}${tile.step ? t.sourceStep : ''}${who ? `; ${who}` : ''}`;
}

export function buildGallery(context: GalleryContext, root: HTMLElement, locale: Locale): void {
  openSteps(context, root);
  const sections = new Map<string, HTMLElement>();
  const section = (group: string) => {
    let grid = sections.get(group);
    if (!grid) {
      const heading = document.createElement('h3');
      heading.className = 'group';
      localized.push([heading, (l) => GROUPS[group]?.[l === 'en' ? 1 : 0] ?? group]);
      grid = document.createElement('div');
      grid.className = 'gallery';
      root.append(heading, grid);
      sections.set(group, grid);
    }
    return grid;
  };
  TILES.forEach((tile, index) => {
    const figure = document.createElement('figure');
    figure.className = 'tile';
    figure.dataset['scenario'] = tile.scenario;
    const heading = document.createElement('h4');
    localized.push([heading, (l) => tile.title[l === 'en' ? 1 : 0]]);
    const source = document.createElement('p');
    localized.push([source, (l) => sourceText(tile, l)]);
    const element = document.createElement(tile.tag ?? 'sferum-link') as HTMLElement & { adapter?: SferumAdapter };
    if (tile.scenario === 'loading') element.adapter = never;
    else if (tile.scenario !== 'no-adapter') element.adapter = context.adapterFor(tile);
    element.setAttribute('heading-level', TILE_WIDGET_HEADING_LEVEL);
    if (tile.vendor) element.setAttribute('vendor', tile.vendor);
    if (tile.role) element.setAttribute('user-role', tile.role);
    if (tile.step) element.setAttribute('storage-key', `gallery-step-${index}`);
    for (const [name, value] of Object.entries(tile.attrs ?? {})) element.setAttribute(name, value);
    if (tile.wide) figure.classList.add('wide');
    if (tile.className) {
      figure.classList.add(tile.className);
      figure.id = `gallery-${tile.className}`;
    }
    figure.append(heading, source);
    if (tile.step?.onDemand) {
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'open-step';
      localized.push([open, (l) => DEMO_TEXTS[l].openStep]);
      open.addEventListener('click', () => openStep(context, root, index));
      figure.append(open);
    }
    figure.append(element);
    section(tile.group).append(figure);
  });
  const errors = document.createElement('div');
  errors.id = 'error-texts';
  section('errors').append(errors);
  localizeGallery(locale);
}

const FLOW_ERRORS: [SferumErrorKind, Step['kind']][] = [
  ['wrong-password', 'password'],
  ['wrong-code', 'code'],
  ['code-expired', 'code'],
  ['too-many-attempts', 'code'],
  ['rate-limited', 'login'],
  ['invalid-phone', 'login'],
  ['phone-linked-elsewhere', 'login'],
  ['another-account-on-phone', 'login'],
  ['vpn-blocked', 'login'],
  ['unsupported-browser', 'login'],
  ['flow-expired', 'login'],
  ['declined', 'max-pending'],
  ['declined', 'external'],
  ['expired', 'max-pending'],
  ['unlink-forbidden', 'login'],
];
const FAULTS: SferumErrorKind[] = ['network', 'timeout', 'unauthorized', 'rate-limited', 'server', 'invalid-response', 'not-found'];

/** Every message a step or a fault can show, in the page's locale and vendor, as the elements word them. */
let errorTextsSerial = 0;
export async function renderErrorTexts(locale: Locale, vendor: string): Promise<void> {
  const box = document.querySelector('#error-texts');
  if (!box) return;
  const serial = ++errorTextsSerial;
  await Promise.all([loadLocale(locale), flowPack.load(locale), loadPreset(vendor)]);
  // A later switch wins over an earlier one that loaded slower.
  if (serial !== errorTextsSerial) return;
  const preset = resolvePreset(vendor);
  const i18n = new Translator(locale, flowPack.layer, preset.texts);
  const t = DEMO_TEXTS[locale];
  const list = document.createElement('dl');
  list.className = 'messages';
  const add = (term: string, text: string) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = text;
    list.append(dt, dd);
  };
  for (const [errorKind, stepKind] of FLOW_ERRORS) {
    const step = { kind: stepKind, id: 's', canGoBack: false } as unknown as Step;
    const error = new SferumError(errorKind, errorKind, { retryAfter: 90 });
    add(`${errorKind} (${t.errorStep(stepKind)})`, flowErrorView(i18n, preset, step, error, 90).message);
  }
  // The hosted VK ID step words its own popup troubles.
  add(`popup-blocked (${t.errorStep('external')})`, i18n.t('externalBlocked'));
  add(`popup-closed (${t.errorStep('external')})`, i18n.t('externalClosed'));
  for (const fault of FAULTS) add(`${fault} (${t.errorFault})`, faultText(i18n, new SferumError(fault, fault, { retryAfter: 90 })));
  box.replaceChildren(list);
}
