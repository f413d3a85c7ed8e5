import { css } from 'lit';

/**
 * A real modal on the native `<dialog>`: `showModal()` makes the page inert and gives Escape;
 * we add the rest of the pattern — focus starts inside, Tab wraps, focus returns to the opener.
 */
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const openers = new WeakMap<HTMLDialogElement, HTMLElement | null>();

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

export function openModal(dialog: HTMLDialogElement, opener: HTMLElement | null = deepActiveElement()): void {
  openers.set(dialog, opener);
  if (!dialog.open) dialog.showModal();
  const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
  first?.focus();
}

export function closeModal(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close();
  const opener = openers.get(dialog);
  openers.delete(dialog);
  if (opener?.isConnected) opener.focus();
}

/** Keeps Tab and Shift+Tab inside the dialog. */
export function trapTab(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const root = dialog.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

export const modalStyles = css`
  dialog {
    width: min(440px, calc(100vw - 32px));
    padding: 24px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 12px 40px rgb(0 0 0 / 30%);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 55%);
  }
  dialog .dialog-body {
    display: grid;
    gap: 16px;
  }
  dialog .danger {
    background: var(--_danger);
    color: var(--_bg);
  }
  dialog .error {
    padding: 10px 12px;
    border-radius: var(--_radius);
    background: var(--_danger-bg);
    border-inline-start: 4px solid var(--_danger);
  }
  dialog .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
  }
`;
