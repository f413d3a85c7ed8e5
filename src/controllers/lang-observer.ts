import type { ReactiveElement } from 'lit';

/** One observer for the whole page: `lang` changes anywhere re-render the elements that follow it. */
const watchers = new Set<ReactiveElement>();
let observer: MutationObserver | undefined;

export function watchLang(element: ReactiveElement): () => void {
  watchers.add(element);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const el of watchers) el.requestUpdate();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    watchers.delete(element);
    if (watchers.size === 0 && observer) {
      observer.disconnect();
      observer = undefined;
    }
  };
}
