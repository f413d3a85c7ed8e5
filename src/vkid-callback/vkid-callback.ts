/**
 * `sferum-widgets/vkid-callback`: the script of the page a journal serves at its VK ID redirect
 * URI. It runs on load; configure it with attributes on its `<script>` tag:
 * `data-opener-origin` (the journal page's origin when it differs from this page's) and
 * `data-return-url` (where to return after a redirect when the widget left no address).
 * See docs/http-contract.md, «The VK ID redirect URI».
 */
import { completeVkidCallback, type VkidCallbackOutcome } from './callback.js';

export type { VkidCallbackOptions, VkidCallbackOutcome, VkidResultMessage, VkidResultParams } from './callback.js';

const TEXTS: Record<'ru' | 'en', Record<VkidCallbackOutcome, string>> = {
  ru: {
    posted: 'Вход через VK ID выполнен. Это окно можно закрыть.',
    returned: 'Возвращаемся в журнал…',
    'no-result': 'Вход через VK ID не завершён. Закройте эту страницу и начните привязку заново.',
    'no-return': 'Вход через VK ID не завершён. Закройте эту страницу и начните привязку заново.',
    misconfigured: 'Вход через VK ID не завершён: страница возврата настроена неверно.',
  },
  en: {
    posted: 'Signed in with VK ID. You can close this window.',
    returned: 'Returning to the journal…',
    'no-result': 'Signing in with VK ID did not finish. Close this page and start linking again.',
    'no-return': 'Signing in with VK ID did not finish. Close this page and start linking again.',
    misconfigured: 'Signing in with VK ID did not finish: the return page is misconfigured.',
  },
};

const config = document.querySelector<HTMLScriptElement>('script[data-opener-origin], script[data-return-url]')?.dataset;
const outcome = completeVkidCallback({ openerOrigin: config?.['openerOrigin'], returnUrl: config?.['returnUrl'] });
if (outcome === 'misconfigured') console.error('sferum-widgets/vkid-callback: data-opener-origin must be an origin such as https://journal.example');
const status = document.getElementById('sferum-vkid-callback');
if (status) status.textContent = TEXTS[document.documentElement.lang.startsWith('en') ? 'en' : 'ru'][outcome];
