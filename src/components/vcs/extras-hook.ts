import { html, nothing, type ReactiveElement } from 'lit';
import { toSafeUrl } from '../../adapter/urls.js';
import type { ConferenceExtras, ExtrasContext } from '../../conference-extras/extras.js';
import { getClock } from '../../controllers/clock.js';
import type { TextPack } from '../../i18n/pack.js';

let extras: typeof import('../../conference-extras/extras.js') | undefined;
let loading: Promise<unknown> | undefined;

/**
 * «Добавить в календарь» and «Напомнить о начале» (a lazy chunk): loaded the first time an element
 * shows an upcoming conference (`needed`), then given to every element; `undefined` until loaded.
 * The chunk gets Lit, the clock and the URL check from here, so it shares no module with the
 * elements' bundles (which would split them into more files).
 */
export function conferenceExtras(host: ReactiveElement & HTMLElement, needed: boolean, context: ExtrasContext): ConferenceExtras | undefined {
  if (extras) return extras.extrasFor(host, context);
  if (needed)
    void (loading ??= import('../../conference-extras/extras.js').then(
      (m) => m.init((extras = m) && { html, nothing, getClock, toSafeUrl }),
      () => (loading = undefined),
    )).then(() => host.requestUpdate());
  return undefined;
}

/** The element's text packs, with the extras' texts once they are loaded. */
export const withExtras = (pack: TextPack): readonly TextPack[] => (extras ? [pack, extras.extrasPack] : [pack]);
