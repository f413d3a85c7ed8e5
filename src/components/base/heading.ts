import { html, nothing, type TemplateResult } from 'lit';

type Attributes = readonly [id: string, part: string | typeof nothing, tabindex: string | typeof nothing];

// Lit cannot bind a tag name: one template per level.
const LEVELS = [
  (a: Attributes, content: unknown) => html`<h1 id=${a[0]} part=${a[1]} tabindex=${a[2]}>${content}</h1>`,
  (a: Attributes, content: unknown) => html`<h2 id=${a[0]} part=${a[1]} tabindex=${a[2]}>${content}</h2>`,
  (a: Attributes, content: unknown) => html`<h3 id=${a[0]} part=${a[1]} tabindex=${a[2]}>${content}</h3>`,
  (a: Attributes, content: unknown) => html`<h4 id=${a[0]} part=${a[1]} tabindex=${a[2]}>${content}</h4>`,
  (a: Attributes, content: unknown) => html`<h5 id=${a[0]} part=${a[1]} tabindex=${a[2]}>${content}</h5>`,
  (a: Attributes, content: unknown) => html`<h6 id=${a[0]} part=${a[1]} tabindex=${a[2]}>${content}</h6>`,
];

/**
 * A heading at `level` (the element's `heading-level`, or one below it for an inner heading;
 * anything outside 1–6 is brought into it). A `focusable` heading takes focus when its screen
 * appears (`tabindex="-1"`).
 */
export function heading(level: number, id: string, content: unknown, focusable?: boolean, part?: string): TemplateResult {
  return LEVELS[Math.min(Math.max(Math.trunc(level) || 2, 1), 6) - 1]!([id, part ?? nothing, focusable ? '-1' : nothing], content);
}
