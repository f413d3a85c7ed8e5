// Driving <sferum-link> the way a person does: real keys and real mouse clicks in Chromium.
import { waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { SferumLink } from '../src/components/link/sferum-link.js';

export const shadow = (el: Element) => el.shadowRoot!;

/** The wizard inside a link element. */
export function wizardOf(link: SferumLink): HTMLElement | null {
  return shadow(link).querySelector('sferum-link-flow');
}

/** The current step component, once it is rendered and not waiting for an answer. */
export async function step(link: SferumLink, tag?: string, timeout = 5000): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitUntil(
    () => {
      const flow = wizardOf(link);
      const el = flow?.shadowRoot?.querySelector<HTMLElement>('[busy], sferum-step-login, sferum-step-known-account, sferum-step-password, sferum-step-code, sferum-step-choose-profile, sferum-step-create-profile, sferum-step-about-you, sferum-step-consent, sferum-step-external, sferum-step-recovery-phone, sferum-step-recovery-account, sferum-step-recovery-method, sferum-step-new-password, sferum-step-max-phone, sferum-step-max-pending, sferum-step-done');
      if (!el || el.hasAttribute('busy') || !el.shadowRoot?.querySelector('h2')) return false;
      if (tag && el.localName !== tag) return false;
      found = el;
      return true;
    },
    `no step ${tag ?? ''} (now: ${wizardOf(link)?.shadowRoot?.querySelector('[class], *:not(style):not(div):not(aside)')?.localName ?? 'none'})`,
    { timeout },
  );
  return found!;
}

export const heading = (el: Element) => shadow(el).querySelector('h2')!.textContent!.trim();
export const textOf = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ').trim();

export function byText<T extends HTMLElement = HTMLElement>(root: Element | ShadowRoot, selector: string, text: string): T {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const found = [...scope.querySelectorAll<T>(selector)].find((e) => e.textContent!.replace(/\s+/g, ' ').includes(text));
  if (!found) throw new Error(`no ${selector} with «${text}»`);
  return found;
}

export function field(stepEl: Element, name: string): HTMLInputElement {
  const input = shadow(stepEl).querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`no field ${name}`);
  return input;
}

/** A real click at the element's centre (a user gesture, unlike `el.click()`). */
export async function click(el: HTMLElement): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** Focuses a field and types into it with the keyboard. */
export async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Types into a field and submits with Enter. */
export async function fill(stepEl: Element, name: string, text: string): Promise<void> {
  await type(field(stepEl, name), text);
  await press('Enter');
}

/** The unlink confirmation: its own element inside the link, loaded on the first «Отвязать учётную запись». */
export function unlinkDialog(link: SferumLink): HTMLDialogElement | null {
  return shadow(link).querySelector('sferum-unlink-dialog')?.shadowRoot?.querySelector('dialog') ?? null;
}

/**
 * What a screen reader would hear from a live region: each text it changes to (an emptied region
 * says nothing, and the same text set again after it is heard again).
 */
export function liveRegionLog(region: Element): string[] {
  const heard: string[] = [];
  let last = region.textContent!.trim();
  new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text === last) return;
    last = text;
    if (text) heard.push(text);
  }).observe(region, { childList: true, subtree: true, characterData: true });
  return heard;
}

/** Waits until the link shows its linked card. */
export async function linkedCard(link: SferumLink): Promise<void> {
  await waitUntil(() => shadow(link).querySelector('[part="phone"]'), 'the linked card did not appear', { timeout: 5000 });
}

/** What the browser keeps for this origin: must hold no password, code, token or phone. */
export function storedEverything(): string {
  const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
  return [dump(localStorage), dump(sessionStorage), document.cookie].join('\n');
}

/** WCAG's contrast ratio of two computed colours (`rgb(…)`, opaque). */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
