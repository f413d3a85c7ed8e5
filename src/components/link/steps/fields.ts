import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

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
  /** Something to put beside the input (the show/hide toggle of a password). */
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
