import { html, type TemplateResult } from 'lit';

/**
 * Text from the data as a cell or a card shows it: short text as it is; long text (the contract
 * allows 1,000 characters) clamped to a few lines by the `.clamp` rule, the full text kept in the
 * DOM (so it is the accessible name) and in the title (so a pointer shows it).
 */
export function longText(text: string): TemplateResult | string {
  return text.length > 80 ? html`<span class="clamp" title=${text}>${text}</span>` : text;
}
