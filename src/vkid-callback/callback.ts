/**
 * The page at a journal's VK ID redirect URI (docs/http-contract.md, «The VK ID redirect URI»).
 * It hands VK ID's answer to the `<sferum-link>` that asked for it and leaves nothing behind:
 * no dependency, no storage of the code, no code in the address bar after the first line runs.
 */

// The same three names live in src/components/link/steps/external.ts (the callback page loads
// alone, so it shares no module with the widget); test/vkid-callback.test.ts keeps them equal.
/** `type` of the message posted to the opener. */
export const VKID_RESULT_TYPE = 'sferum:vkid-result';
/** sessionStorage key under which the widget leaves `{ returnUrl, expires }` before a redirect. */
export const VKID_RETURN_KEY = 'sferum-widgets:vkid-return';
/** First key of the fragment that carries the result back to the journal page after a redirect. */
export const VKID_RESULT_FRAGMENT = 'sferum-vkid-result';

/** What VK ID answered, as the widget and the journal's backend receive it. */
export type VkidResultParams =
  | { code: string; state: string; device_id: string }
  | { error: string; error_description?: string; state: string };

/** Posted to `window.opener`; the widget accepts it only from the popup it opened. */
export interface VkidResultMessage {
  type: typeof VKID_RESULT_TYPE;
  state: string;
  params: VkidResultParams;
}

export interface VkidCallbackOptions {
  /** Origin of the journal page that opened the popup. Default: this page's own origin. Never `*`. */
  openerOrigin?: string | undefined;
  /** Where to return without an opener when the widget left no return address (the redirect fallback). */
  returnUrl?: string | undefined;
}

/**
 * `posted`: handed to the opener (the page closes itself); `returned`: on its way back to the
 * journal page; `no-result`: VK ID's answer is missing or incomplete; `no-return`: no opener and
 * no allowed return address; `misconfigured`: `openerOrigin` is not an origin.
 */
export type VkidCallbackOutcome = 'posted' | 'returned' | 'no-result' | 'no-return' | 'misconfigured';

/** The parts of `window` the page uses (a test may pass its own). */
export type CallbackWindow = Pick<Window, 'location' | 'history' | 'opener' | 'close' | 'sessionStorage'>;

const MAX_LENGTH = 2048;

/** Reads VK ID's answer from a query string or a fragment (`?code=…&state=…&device_id=…` or `error=…`). */
export function readVkidResult(part: string): VkidResultParams | undefined {
  const query = new URLSearchParams(part.replace(/^[?#]/, ''));
  const get = (name: string): string | undefined => {
    const value = query.get(name);
    return value && value.length <= MAX_LENGTH ? value : undefined;
  };
  const state = get('state');
  if (!state) return undefined;
  const error = get('error');
  if (error) {
    const description = get('error_description');
    return description ? { error, error_description: description, state } : { error, state };
  }
  const code = get('code');
  const deviceId = get('device_id');
  return code && deviceId ? { code, state, device_id: deviceId } : undefined;
}

/** An `http(s)` origin and nothing more (no path, query or user), or undefined: `*` and `null` included. */
function exactOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return /^https?:$/.test(url.protocol) && bare ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Takes (and always removes) the return address the widget left before its redirect. */
function takeReturnUrl(storage: () => Storage): string | undefined {
  try {
    const raw = storage().getItem(VKID_RETURN_KEY);
    storage().removeItem(VKID_RETURN_KEY);
    const value = raw ? (JSON.parse(raw) as { returnUrl?: unknown; expires?: unknown }) : undefined;
    if (typeof value?.returnUrl === 'string' && typeof value.expires === 'number' && value.expires > Date.now()) return value.returnUrl;
  } catch {
    // Blocked storage or a broken entry: the attribute's address, if any, is used instead.
  }
  return undefined;
}

/** The return address, only on this page's origin or the opener origin: the code must reach nobody else. */
function allowedReturn(raw: string | undefined, base: string, origins: readonly string[]): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return origins.includes(url.origin) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the callback page: removes the answer from the address bar first, then posts it to the
 * opener with an exact target origin and closes, or (redirect fallback) returns to the journal
 * page with the answer in the fragment, which never reaches a server.
 */
export function completeVkidCallback(options: VkidCallbackOptions = {}, win: CallbackWindow = window): VkidCallbackOutcome {
  const { location, history } = win;
  const href = location.href;
  const result = readVkidResult(location.search) ?? readVkidResult(location.hash);
  // Before anything else: the code leaves the address bar and this history entry.
  history.replaceState(null, '', location.pathname);

  const own = location.origin;
  const openerOrigin = options.openerOrigin === undefined ? own : exactOrigin(options.openerOrigin);
  if (!openerOrigin) return 'misconfigured';
  if (!result) return 'no-result';

  // The widget leaves a return address only when it redirects: then an opener (the tab's own) is not ours.
  const stored = takeReturnUrl(() => win.sessionStorage);
  const opener = win.opener as Window | null;
  if (stored === undefined && opener && !opener.closed) {
    const message: VkidResultMessage = { type: VKID_RESULT_TYPE, state: result.state, params: result };
    opener.postMessage(message, openerOrigin);
    win.close();
    return 'posted';
  }

  const back = allowedReturn(stored, href, [own, openerOrigin]) ?? allowedReturn(options.returnUrl, href, [own, openerOrigin]);
  if (!back) return 'no-return';
  const fragment = new URLSearchParams({ [VKID_RESULT_FRAGMENT]: '', ...result });
  // The journal page's own fragment (a hash route) rides along; the widget puts it back.
  if (back.hash.length > 1) fragment.set('hash', back.hash.slice(1));
  back.hash = fragment.toString();
  location.replace(back.href);
  return 'returned';
}
