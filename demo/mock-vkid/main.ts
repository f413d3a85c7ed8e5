// The mock VK ID page: VK ID's hosted login, imitated on the demo's (or the tests') own origin.
// It runs the credential steps with the kit's own wizard against an in-page mock backend, then
// does what VK ID does: sends the browser to the `redirect_uri` of its URL with
// `?code=…&state=…&device_id=…` (or `?error=…&error_description=…&state=…`). The journal's callback
// page there (`sferum-widgets/vkid-callback`, the demo's vkid-callback.html) hands the result over.
import { MockBackend } from '../../mocks/backend.js';
import { MOCK_CREDENTIALS } from '../../mocks/data.js';
import { localAdapter } from '../../mocks/local-adapter.js';
import { validateAdapter } from '../../src/adapter/validate.js';
import { flowMessages } from '../../src/i18n/flow.js';
import { loadLocale, Translator } from '../../src/i18n/translator.js';
import { setupFlow, type SferumLinkFlow } from '../../src/components/link/flow.js';
import { generic } from '../../src/presets/generic.js';
import '../../src/define/sferum-provider.js';

const params = new URLSearchParams(location.search);
const state = params.get('state') ?? '';
const redirectUri = params.get('redirect_uri');
const locale = document.documentElement.lang === 'en' ? 'en' : 'ru';
await loadLocale(locale);

function finish(result: Record<string, string>): void {
  if (!redirectUri) return;
  const back = new URL(redirectUri, location.href);
  // VK ID returns only to a registered http(s) address; the mock accepts any, but no other scheme.
  if (back.protocol !== 'https:' && back.protocol !== 'http:') return;
  for (const [key, value] of Object.entries({ ...result, state })) back.searchParams.set(key, value);
  location.assign(back.href);
}

const backend = new MockBackend('vkid-popup', { origin: location.origin });
const api = validateAdapter(localAdapter(backend));
setupFlow();
const flow = await api.startLink({ method: 'vkid' }, new AbortController().signal);

const wizard = document.createElement('sferum-link-flow') as SferumLinkFlow;
wizard.api = api;
wizard.flow = flow;
wizard.i18n = new Translator(locale, flowMessages);
wizard.preset = generic;
wizard.storageKey = 'mock-vkid';
wizard.onDone = () => finish({ code: 'mock-authorization-code', device_id: 'mock-device' });
wizard.onEnd = () => finish({ error: 'access_denied', error_description: 'User denied access' });
document.querySelector('#app')!.append(wizard);
document.querySelector('#hint')!.textContent = `Телефон ${MOCK_CREDENTIALS.phone}, пароль ${MOCK_CREDENTIALS.password}, код ${MOCK_CREDENTIALS.smsCode}`;
