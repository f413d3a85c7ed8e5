import { html, isServer, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

let observer: ResizeObserver | undefined;

/**
 * Mirrors the table's container query on the `.root` as the `cards` class (the `.probe` is 2px
 * wide in cards, 1px in a table), so that only cards match the rules that label their cells
 * (generated content from `data-label`): a table pays nothing for them. The class is set in the
 * next frame, outside the ResizeObserver callback: a change inside it that resized an observed box
 * would raise «ResizeObserver loop completed with undelivered notifications» on the page. The
 * layout never waits for it: the container query has already made the cards.
 */
export class TableMode implements ReactiveController {
  private probe?: Element | null;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostUpdated(): void {
    const probe = this.host.renderRoot.querySelector('.probe');
    if (probe === this.probe) return;
    this.hostDisconnected();
    this.probe = probe;
    if (!probe) return;
    observer ??= new ResizeObserver((entries) => {
      for (const { target, contentRect } of entries) requestAnimationFrame(() => target.parentElement?.classList.toggle('cards', contentRect.width > 1.5));
    });
    observer.observe(probe);
  }

  hostDisconnected(): void {
    if (this.probe) observer?.unobserve(this.probe);
    this.probe = undefined;
  }
}

/**
 * The first update of a list element: its data is asked for at once, and the first render waits
 * until the data is in or the next frame is due, whichever comes first. Data in hand (a cache, a
 * synchronous adapter) renders the list at once, without building a loading state only to throw it
 * away; anything slower shows the skeleton from the first painted frame, as before. Server HTML
 * hydrates in its first update, which must render what the server did (the loading state): no wait.
 */
export function firstUpdate(host: ReactiveElement, load: () => Promise<unknown>, update: () => void | Promise<unknown>): void | Promise<unknown> {
  if (isServer || host.hasUpdated || host.renderRoot.firstChild) return update();
  return Promise.race([load(), new Promise((frame) => requestAnimationFrame(frame))]).then(update, update);
}

/**
 * A table's layout in grey while it loads (its tool — the search field or the filter —, the
 * caption and four rows), so that nothing moves when the list arrives; said once as «Загрузка…».
 */
export function tableSkeleton(loading: string, tool: 'field' | 'filter'): TemplateResult {
  const row = html`<div class="tr">
    <div class="td c1"><i class="bone"></i></div>
    <div class="td c2"><i class="bone"></i></div>
    <div class="td c3"><i class="bone"></i></div>
    <div class="td c4"><i class="bone"></i></div>
    <div class="td c5"><i class="bone"></i></div>
  </div>`;
  return html`<p class="visually-hidden" role="status">${loading}</p>
    <div aria-hidden="true">
      <div class="toolbar"><i class="bone"></i><i class="bone ${tool}"></i>${tool === 'field' ? html`<i class="bone hint"></i>` : nothing}</div>
      <div class="caption"><i class="bone"></i></div>
      <div class="table">${row}${row}${row}${row}</div>
    </div>`;
}
