import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatPhone } from '../../../phone/format.js';
import { longText } from '../../base/long-text.js';

export interface TextFieldOptions {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: 'text' | 'tel' | 'numeric' | 'email';
  placeholder?: string;
  required?: boolean;
  onInput: (value: string, event: InputEvent) => void;
  onPaste?: (event: ClipboardEvent) => void;
  onBlur?: () => void;
  /** Something inside the field at its end (the show/hide toggle of a password, see `revealToggle`). */
  after?: TemplateResult;
}

/** A labelled input whose hint and error are tied to it with `aria-describedby`. */
export function textField(o: TextFieldOptions): TemplateResult {
  const id = `f-${o.name}`;
  const describedBy = [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const input = html`<input
    class="input"
    id=${id}
    name=${o.name}
    type=${o.type ?? 'text'}
    .value=${live(o.value)}
    autocomplete=${ifDefined(o.autocomplete)}
    inputmode=${ifDefined(o.inputmode)}
    placeholder=${ifDefined(o.placeholder)}
    spellcheck="false"
    autocapitalize="off"
    aria-required=${o.required ? 'true' : 'false'}
    aria-invalid=${o.error ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy || undefined)}
    @input=${(e: InputEvent) => o.onInput((e.target as HTMLInputElement).value, e)}
    @paste=${ifDefined(o.onPaste)}
    @blur=${ifDefined(o.onBlur)}
  />`;
  return html`<div class="field">
    <label for=${id}>${o.label}</label>
    ${o.after ? html`<div class="with-toggle">${input}${o.after}</div>` : input}
    ${o.hint ? html`<span class="hint" id="${id}-hint">${o.hint}</span>` : nothing}
    ${o.error ? html`<span class="field-error" id="${id}-error">${o.error}</span>` : nothing}
  </div>`;
}

/** The first letter of a name, for an avatar placeholder. */
export function initial(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}

/**
 * «Показать пароль» as an eye inside the field: a toggle (`aria-pressed`) whose name stays the
 * same when pressed (a changing name on a toggle reads as a second state), and whose box never
 * changes size. The eye is crossed out while the password shows.
 */
export function revealToggle(shown: boolean, label: string, toggle: () => void): TemplateResult {
  return html`<button class="reveal" type="button" aria-pressed=${shown ? 'true' : 'false'} aria-label=${label} title=${label} @click=${toggle}>
    <svg viewBox="0 0 20 20" aria-hidden="true">
      <path d="M1.5 10S4.5 4.5 10 4.5 18.5 10 18.5 10 15.5 15.5 10 15.5 1.5 10 1.5 10z"></path>
      <circle cx="10" cy="10" r="2.75"></circle>
      ${shown ? svg`<path d="M3 3l14 14"></path>` : nothing}
    </svg>
  </button>`;
}

/** Our own avatar for a profile not created yet (no emoji: a school PC may have no emoji font). */
export const personIcon = html`<svg class="avatar-icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
  <circle cx="12" cy="8.5" r="4"></circle>
  <path d="M4.5 20.5c.8-4 3.8-6.5 7.5-6.5s6.7 2.5 7.5 6.5"></path>
</svg>`;

/** Our own simple wordmarks (drawn, not copied; no font): «VK ID» and «MAX». Decorative: the text beside them says it. */
export const wordmarks = {
  vkid: html`<svg class="wordmark" viewBox="0 0 50 20" aria-hidden="true">
    <path d="M2 4l4.5 12L11 4M15.5 4v12M23 4l-7.5 7.5M18.5 9.5L24 16M31.5 4v12M36 4h3.5a6 6 0 010 12H36z"></path>
  </svg>`,
  max: html`<svg class="wordmark" viewBox="0 0 44 20" aria-hidden="true">
    <path d="M2 16V4l6 8 6-8v12M18 16l5-12 5 12M20 11.5h6M32 4l9 12M41 4l-9 12"></path>
  </svg>`,
};

/** Separators people and backends put in a phone (spaces of every kind, brackets, dashes). */
const PHONE_PUNCTUATION = /[\s()\-\u2010-\u2015]/g;

/**
 * A phone as a backend sent it («+7 952 111-11-11», «89521111111»), in the kit's one format
 * `+7 (952) 111-11-11` when it is a whole Russian number; anything else (a masked number,
 * an e-mail) as it came.
 */
export function displayPhone(text: string): string {
  const whole = /^(?:\+7|8)(\d{10})$/.exec(text.replace(PHONE_PUNCTUATION, ''));
  return whole ? formatPhone(`+7${whole[1]}`) : text;
}

/**
 * A phone on one line (DESIGN.md 4), masked ones too, in the kit's format when whole. Text too long
 * to be a phone (the contract allows 1,000 characters) is shown as any long text is.
 */
export function phoneText(text: string): TemplateResult | string {
  return text.length > 24 ? longText(text) : html`<span class="nowrap">${displayPhone(text)}</span>`;
}

/** A sentence with `{phone}` in it, the phone as `phoneText` shows it. */
export function withPhone(sentence: string, phone: string): TemplateResult {
  const [before, after = ''] = sentence.split('{phone}');
  return html`${before}${phoneText(phone)}${after}`;
}
