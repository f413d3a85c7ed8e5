// The demo page: every request goes to MSW's service worker, answered by mock backends.
import { getResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { MOCK_TRIGGERS, MockBackend } from '../mocks/backend.js';
import { LINKED_PHONE, MOCK_CREDENTIALS } from '../mocks/data.js';
import { createHandlers } from '../mocks/handlers.js';
import { SCENARIOS, SCENARIO_NAMES, type ScenarioName } from '../mocks/scenarios.js';
import { createHttpAdapter } from '../src/adapter/http-adapter.js';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import '../src/define/all.js';
import type { SferumProvider } from '../src/components/provider/sferum-provider.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import type { Role } from '../src/presets/types.js';
import type { Locale } from '../src/i18n/translator.js';
import { ShiftedClock, getClock, setClock } from '../src/controllers/clock.js';
import { formatPhone } from '../src/phone/format.js';
import { localizeJournal, renderJournal } from './journals.js';
import { renderTheming } from './theming.js';
import { TILES, buildGallery, localizeGallery, openSteps, renderErrorTexts, tileKey, type GalleryContext, type Tile } from './gallery.js';
import { DEMO_TEXTS, SCENARIO_TEXTS_RU, type TextKey } from './texts.js';

// One page clock that the control panel can move forward; the mock backends read it too.
const clock = new ShiftedClock(getClock());
setClock(clock);

const params = new URLSearchParams(location.search);
const settings = {
  scenario: (params.get('scenario') as ScenarioName) ?? 'unlinked',
  vendor: params.get('vendor') ?? 'bars',
  role: (params.get('role') as Role) ?? 'student',
  locale: (params.get('locale') === 'en' ? 'en' : 'ru') as Locale,
  theme: params.get('theme') === 'dark' ? 'dark' : 'light',
  width: params.get('width') ?? 'desktop',
};
if (!(settings.scenario in SCENARIOS)) settings.scenario = 'unlinked';

const LATENCY_MS = 350;
const apiBase = (name: string) => `/api/demo/${name}`;
// Relative to the page, so that the built demo works from any sub-path.
const adapterFor = (name: string): SferumAdapter =>
  createHttpAdapter({ baseUrl: `api/demo/${name}`, timeoutMs: 4000, allowedHosts: [location.origin] });

// One backend for the live widget, and one per gallery tile, each with its own scenario.
// The mock VK ID page lives beside this page, so that a build served from a sub-path works too.
const vkidPageUrl = new URL('mock-vkid/index.html', document.baseURI).href;
const backendOptions = () => ({ vendor: settings.vendor, origin: location.origin, vkidPageUrl });
const onPageClock = (backend: MockBackend) => {
  backend.now = () => clock.now();
  return backend;
};
const live = onPageClock(new MockBackend(settings.scenario, backendOptions()));
const hubBackend = onPageClock(new MockBackend('linked-notices', { vendor: settings.vendor, origin: location.origin }));
const journalBackend = onPageClock(new MockBackend(settings.scenario, backendOptions()));

// One backend per gallery scenario (and per vendor for tiles that have their own); step tiles
// open their own flows in them.
const tileBackends = new Map<string, { backend: MockBackend; tile: Tile }>();
const tileOptions = (tile: Tile) => ({ ...backendOptions(), vendor: tile.vendor ?? settings.vendor });
for (const tile of TILES) {
  if (tile.scenario === 'loading' || tile.scenario === 'no-adapter') continue;
  const key = tileKey(tile);
  if (!tileBackends.has(key)) tileBackends.set(key, { tile, backend: onPageClock(new MockBackend(tile.scenario, tileOptions(tile))) });
}
const gallery: GalleryContext = {
  backendFor: (tile) => tileBackends.get(tileKey(tile))!.backend,
  adapterFor: (tile) => adapterFor(tileKey(tile)),
};

// MSW tries every handler in turn, and each try costs: one route per backend name, then only that
// backend's dozen handlers, keeps the first burst of ~80 requests from queueing for seconds.
const backends = new Map<string, MockBackend>([
  ['live', live],
  ['hub', hubBackend],
  ['journal', journalBackend],
  ...[...tileBackends].map(([name, { backend }]) => [name, backend] as const),
]);
const handlerSets = new Map([...backends].map(([name, backend]) => [name, createHandlers(backend, { base: apiBase(name), latencyMs: LATENCY_MS })]));
const worker = setupWorker(
  http.all('*/api/demo/:backend/*', ({ request, params }) => {
    const handlers = handlerSets.get(String(params['backend']));
    return handlers ? getResponse(handlers, request) : undefined;
  }),
);
// Under a strict CSP with Trusted Types (README, «The demo»), MSW's worker registration is the one
// string-to-script sink the demo uses: a `default` policy lets exactly that URL through, nothing else.
const workerUrl = new URL('mockServiceWorker.js', document.baseURI).href;
try {
  (window as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): unknown } }).trustedTypes?.createPolicy('default', {
    createScriptURL: (url) => {
      if (new URL(url, document.baseURI).href === workerUrl) return url;
      throw new TypeError(`Not a script the demo loads: ${url}`);
    },
  });
} catch {
  // A page whose CSP names its policies without `default` (or that made one already): MSW needs none there.
}
await worker.start({
  serviceWorker: { url: workerUrl },
  onUnhandledRequest: 'bypass',
  quiet: true,
});

// ---- switches ---------------------------------------------------------------------------
const form = document.querySelector<HTMLFormElement>('#switches')!;
const scenarioSelect = document.querySelector<HTMLSelectElement>('#scenario')!;
for (const name of SCENARIO_NAMES) scenarioSelect.add(new Option(name, name));
for (const [key, value] of Object.entries(settings)) {
  const field = form.elements.namedItem(key) as HTMLSelectElement | null;
  if (field) field.value = value;
}

// On a phone the panels start closed, so that the live widget is on the first screen.
if (matchMedia('(max-width: 719px)').matches) for (const panel of document.querySelectorAll('header details')) panel.removeAttribute('open');

/** «Тестовые данные»: what the mock backend accepts, beside the switches. */
function renderTestData(locale: Locale): void {
  const t = DEMO_TEXTS[locale];
  // Every phone in the kit's one format (DESIGN.md), as the widgets show them.
  const phone = (typed: string) => formatPhone(typed.replace(/[^\d+]/g, ''));
  const rows: [string, string][] = [
    [t.credPhone, phone(MOCK_CREDENTIALS.phone)],
    [t.credPassword, MOCK_CREDENTIALS.password],
    [t.credSms, MOCK_CREDENTIALS.smsCode],
    [t.credCall, MOCK_CREDENTIALS.callCode],
    [t.credEmail, MOCK_CREDENTIALS.emailCode],
    [t.credExpired, MOCK_CREDENTIALS.expiredCode],
    [t.credNewPassword, MOCK_CREDENTIALS.newPassword],
    [t.credMax, formatPhone(LINKED_PHONE)],
    [t.credLinkedElsewhere, phone(MOCK_TRIGGERS.phoneLinkedElsewhere)],
    [t.credAnotherAccount, phone(MOCK_TRIGGERS.anotherAccountOnPhone)],
    [t.credVpn, phone(MOCK_TRIGGERS.vpnBlocked)],
  ];
  const list = document.querySelector('#test-data')!;
  list.replaceChildren(
    ...rows.map(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.append(Object.assign(document.createElement('code'), { textContent: value }));
      const pair = document.createElement('div');
      pair.append(dt, dd);
      return pair;
    }),
  );
}

/** The demo's own texts in the page's language (the widgets follow their providers). */
function localizeChrome(locale: Locale): void {
  const t = DEMO_TEXTS[locale];
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t[el.dataset['t'] as TextKey];
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t[el.dataset['tLabel'] as TextKey]);
  for (const option of scenarioSelect.options) option.textContent = locale === 'en' ? option.value : `${SCENARIO_TEXTS_RU[option.value as ScenarioName][0]} (${option.value})`;
  renderTestData(locale);
  localizeGallery(locale);
  localizeJournal(locale);
  renderTheming(document.querySelector<HTMLElement>('#theming')!, (scenario) => adapterFor(scenario), locale);
}

const liveProvider = document.querySelector<SferumProvider>('#live-provider')!;
const hubProvider = document.querySelector<SferumProvider>('#hub-provider')!;
hubProvider.adapter = adapterFor('hub');
const galleryProvider = document.querySelector<SferumProvider>('#gallery-provider')!;
const journalProvider = document.querySelector<SferumProvider>('#journal-provider')!;
const themingProvider = document.querySelector<SferumProvider>('#theming-provider')!;
const journalRoot = document.querySelector<HTMLElement>('#journal')!;
const journalAdapter = adapterFor('journal');
let journalVendor = '';
let chromeLocale: Locale | undefined;
const liveLink = document.querySelector<SferumLink>('#live-link')!;
liveProvider.adapter = adapterFor('live');

function apply(): void {
  if (journalVendor !== settings.vendor) {
    journalVendor = settings.vendor;
    renderJournal(journalRoot, settings.vendor, journalAdapter, settings.locale);
  }
  for (const provider of [liveProvider, galleryProvider, hubProvider, journalProvider, themingProvider]) {
    if (provider !== themingProvider) provider.vendor = settings.vendor;
    provider.userRole = settings.role;
    provider.locale = settings.locale;
    // The theming examples stay light: each sets one token, and a page sets its tokens per theme.
    if (provider !== themingProvider) provider.theme = settings.theme as 'light' | 'dark';
  }
  document.documentElement.dataset['theme'] = settings.theme;
  document.documentElement.lang = settings.locale;
  if (chromeLocale !== settings.locale) {
    chromeLocale = settings.locale;
    localizeChrome(settings.locale);
  }
  for (const id of ['#live-frame', '#hub-frame', '#journal-frame']) document.querySelector(id)!.setAttribute('data-width', settings.width);
  const about = settings.locale === 'en' ? SCENARIOS[settings.scenario] : SCENARIO_TEXTS_RU[settings.scenario][1];
  document.querySelector('#scenario-note')!.textContent = DEMO_TEXTS[settings.locale].scenarioNote(settings.scenario, about);
  void renderErrorTexts(settings.locale, settings.vendor);
  const query = new URLSearchParams(settings as Record<string, string>);
  history.replaceState(null, '', `?${query}`);
}

form.addEventListener('change', (event) => {
  const field = event.target as HTMLSelectElement;
  const previous = { ...settings };
  (settings as Record<string, string>)[field.name] = field.value;
  if (field.name === 'locale') settings.locale = field.value === 'en' ? 'en' : 'ru';
  if (field.name === 'scenario' || field.name === 'vendor') {
    sessionStorage.clear();
    live.reset(settings.scenario, backendOptions());
    for (const { backend, tile } of tileBackends.values()) backend.reset(tile.scenario as ScenarioName, tileOptions(tile));
    openSteps(gallery, galleryRoot);
    hubBackend.reset('linked-notices', backendOptions());
    journalBackend.reset(settings.scenario, backendOptions());
    journalVendor = '';
    liveLink.retry();
  }
  if (previous.vendor !== settings.vendor) {
    for (const element of galleryRoot.querySelectorAll<HTMLElement & { retry(): void }>('sferum-link:not([storage-key]), sferum-chats, sferum-vcs, sferum-join, sferum-hub')) element.retry();
  }
  apply();
});

const events = document.querySelector('#events')!;
for (const name of ['sferum-link-status-change', 'sferum-error', 'sferum-auth-required'] as const) {
  liveLink.addEventListener(name, (event) => {
    const detail = (event as Event & { detail?: unknown }).detail;
    events.textContent = `${name} ${detail ? JSON.stringify(detail) : ''}`;
  });
}

// ---- the outside world ----------------------------------------------------------------
const pressed = (id: string, on: boolean) => document.querySelector(`#${id}`)!.setAttribute('aria-pressed', String(on));
document.querySelector('#max-connect')!.addEventListener('click', () => {
  for (const backend of [live, journalBackend]) backend.decideMax('confirmed');
});
document.querySelector('#max-decline')!.addEventListener('click', () => {
  for (const backend of [live, journalBackend]) backend.decideMax('declined');
});
document.querySelector('#lesson-now')!.addEventListener('click', () => {
  // The next conference of the mocks starts 12 minutes after the page loaded: move the page clock there.
  clock.offsetMs += 12 * 60_000;
});
document.querySelector('#network')!.addEventListener('click', (e) => {
  const down = (e.currentTarget as HTMLElement).getAttribute('aria-pressed') !== 'true';
  for (const backend of [live, hubBackend, journalBackend]) backend.forcedFault = down ? 'network' : undefined;
  pressed('network', down);
});
document.querySelector('#session')!.addEventListener('click', (e) => {
  const expired = (e.currentTarget as HTMLElement).getAttribute('aria-pressed') !== 'true';
  for (const backend of [live, hubBackend, journalBackend]) backend.forcedFault = expired ? '401' : undefined;
  pressed('session', expired);
  // Signing in again: the widgets that asked go on where they were, as a host does on sferum-auth-required.
  if (!expired) {
    for (const element of authRequired) element.retry();
    authRequired.clear();
  }
});
/** The widgets (outside the gallery, whose 401 tile fails on purpose) that reported the session's end. */
const authRequired = new Set<HTMLElement & { retry(): void }>();
document.addEventListener('sferum-auth-required', (event) => {
  const element = event.target as HTMLElement & { retry(): void };
  if (!element.closest('#gallery, #theming')) authRequired.add(element);
});

// ---- gallery ----------------------------------------------------------------------------
const galleryRoot = document.querySelector<HTMLElement>('#gallery')!;
buildGallery(gallery, galleryRoot, settings.locale);

apply();
