// The demo page: every request goes to MSW's service worker, answered by mock backends.
import { setupWorker } from 'msw/browser';
import { MockBackend } from '../mocks/backend.js';
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
import type { SferumHub } from '../src/components/hub/sferum-hub.js';
import { renderJournal } from './journals.js';
import { renderTheming } from './theming.js';
import { TILES, buildGallery, openSteps, renderErrorTexts, tileKey, type GalleryContext, type Tile } from './gallery.js';

// One page clock that the control panel can move forward; the mock backends read it too.
const clock = new ShiftedClock(getClock());
setClock(clock);

const params = new URLSearchParams(location.search);
const settings = {
  scenario: (params.get('scenario') as ScenarioName) ?? 'unlinked',
  vendor: params.get('vendor') ?? 'bars',
  role: (params.get('role') as Role) ?? 'student',
  locale: (params.get('locale') as Locale) ?? 'ru',
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

const worker = setupWorker(
  ...createHandlers(live, { base: apiBase('live'), latencyMs: LATENCY_MS }),
  ...createHandlers(hubBackend, { base: apiBase('hub'), latencyMs: LATENCY_MS }),
  ...createHandlers(journalBackend, { base: apiBase('journal'), latencyMs: LATENCY_MS }),
  ...[...tileBackends].flatMap(([name, { backend }]) => createHandlers(backend, { base: apiBase(name), latencyMs: LATENCY_MS })),
);
await worker.start({
  serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).href },
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

const liveProvider = document.querySelector<SferumProvider>('#live-provider')!;
const hubProvider = document.querySelector<SferumProvider>('#hub-provider')!;
hubProvider.adapter = adapterFor('hub');
const galleryProvider = document.querySelector<SferumProvider>('#gallery-provider')!;
const journalProvider = document.querySelector<SferumProvider>('#journal-provider')!;
const themingProvider = document.querySelector<SferumProvider>('#theming-provider')!;
const journalRoot = document.querySelector<HTMLElement>('#journal')!;
const journalAdapter = adapterFor('journal');
let journalVendor = '';
const liveLink = document.querySelector<SferumLink>('#live-link')!;
liveProvider.adapter = adapterFor('live');

function apply(): void {
  if (journalVendor !== settings.vendor) {
    journalVendor = settings.vendor;
    renderJournal(journalRoot, settings.vendor, journalAdapter);
  }
  for (const provider of [liveProvider, galleryProvider, hubProvider, journalProvider, themingProvider]) {
    if (provider !== themingProvider) provider.vendor = settings.vendor;
    provider.userRole = settings.role;
    provider.locale = settings.locale;
    provider.theme = settings.theme as 'light' | 'dark';
  }
  document.documentElement.dataset['theme'] = settings.theme;
  document.documentElement.lang = settings.locale;
  document.querySelector('#live-frame')!.setAttribute('data-width', settings.width);
  document.querySelector('#hub-frame')!.setAttribute('data-width', settings.width);
  document.querySelector('#journal-frame')!.setAttribute('data-width', settings.width);
  document.querySelector('#scenario-note')!.textContent = `Сценарий «${settings.scenario}»: ${SCENARIOS[settings.scenario]}`;
  void renderErrorTexts(settings.locale as Locale, settings.vendor);
  const query = new URLSearchParams(settings as Record<string, string>);
  history.replaceState(null, '', `?${query}`);
}

form.addEventListener('change', (event) => {
  const field = event.target as HTMLSelectElement;
  const previous = { ...settings };
  (settings as Record<string, string>)[field.name] = field.value;
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
    for (const element of galleryRoot.querySelectorAll<SferumLink>('sferum-link:not([storage-key]), sferum-chats, sferum-vcs, sferum-join, sferum-hub')) element.retry();
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
  // Signing in again: the widgets go on where they were.
  if (!expired) {
    liveLink.retry();
    document.querySelector<SferumHub>('#hub')!.shadowRoot?.querySelector<SferumLink>('sferum-link')?.retry();
  }
});

// ---- gallery ----------------------------------------------------------------------------
const galleryRoot = document.querySelector<HTMLElement>('#gallery')!;
buildGallery(gallery, galleryRoot);
renderTheming(document.querySelector<HTMLElement>('#theming')!, (scenario) => adapterFor(scenario));

apply();
