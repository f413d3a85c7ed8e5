// Loaded by <sferum-link> as soon as it sees a result in the address bar (sferum-link.ts looks for
// the key below), whatever the flow turns out to be (expired, past its external step, or none), and
// by the hosted VK ID step, which takes the result from memory.

/** First key of the fragment in which the callback page brings the result back after a redirect. */
export const EXTERNAL_RESULT_FRAGMENT = 'sferum-vkid-result';

/** Results that came back in this page's fragment (after a redirect), each waiting for the step of its `state`. */
export const returned: Record<string, string>[] = [];

/** Moves a result out of the address bar (restoring the page's own fragment) into memory. */
export function takeReturnedResult(): void {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (!fragment.has(EXTERNAL_RESULT_FRAGMENT)) return;
  const own = fragment.get('hash');
  history.replaceState(history.state, '', `${location.pathname}${location.search}${own ? `#${own}` : ''}`);
  returned.push(Object.fromEntries(fragment));
}
