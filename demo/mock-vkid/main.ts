// The mock VK ID page: VK ID's hosted login, imitated on the demo's (or the tests') own origin.
// It runs the credential steps with the kit's own wizard against an in-page mock backend, then
// hands the result back to the journal page exactly as a hosted login would: a postMessage to
// the opener (origin-checked on both sides), or a redirect to `redirect_uri` without an opener.
import { MockBackend } from '../../mocks/backend.js';
import { MOCK_CREDENTIALS } from '../../mocks/data.js';
import { localAdapter } from '../../mocks/local-adapter.js';
import { validateAdapter } from '../../src/adapter/validate.js';
import { flowMessages } from '../../src/i18n/flow.js';
import { loadLocale, Translator } from '../../src/i18n/translator.js';
import { setupFlow, type SferumLinkFlow } from '../../src/components/link/flow.js';
import { EXTERNAL_RESULT_TYPE } from '../../src/components/link/steps/external.js';
import { generic } from '../../src/presets/generic.js';
import '../../src/define/sferum-provider.js';

const params = new URLSearchParams(location.search);
const state = params.get('state') ?? '';
const redirectUri = params.get('redirect_uri');
const locale = document.documentElement.lang === 'en' ? 'en' : 'ru';
await loadLocale(locale);

function finish(result: Record<string, string>): void {
  const payload = { type: EXTERNAL_RESULT_TYPE, state, params: { ...result, state } };
  if (window.opener) {
    // Only the journal page on this origin may read it.
    (window.opener as Window).postMessage(payload, location.origin);
    window.close();
    return;
  }
  if (redirectUri) {
    const back = new URL(redirectUri, location.href);
    if (back.origin !== location.origin) return;
    for (const [key, value] of Object.entries(payload.params)) back.searchParams.set(key, value);
    location.replace(back.href);
  }
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
wizard.onEnd = () => finish({ error: 'access_denied' });
document.querySelector('#app')!.append(wizard);
document.querySelector('#hint')!.textContent = `Телефон ${MOCK_CREDENTIALS.phone}, пароль ${MOCK_CREDENTIALS.password}, код ${MOCK_CREDENTIALS.smsCode}`;
