import { css } from 'lit';

/** Our drawn marks (wordmarks, the eye, the avatar): strokes in the text colour, so forced colours keep them. */
export const markStyles = css`
  .wordmark,
  .reveal svg,
  .avatar-icon {
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .wordmark {
    height: 20px;
    justify-self: start;
    stroke-width: 2.4;
  }
`;

/**
 * Field edges use `--_field-border` (3:1, WCAG 1.4.11). Choices are cards over native radios
 * (`.pick`), the selected one plainly marked. A field error carries a drawn «!» besides its colour;
 * in forced colours an invalid field keeps a thick edge and a message box its frame.
 * (No comments inside the css: they would ship.)
 */
export const stepStyles = css`
  :host {
    display: block;
  }
  form,
  .body {
    display: grid;
    gap: 16px;
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: 8px;
  }
  #heading:focus {
    outline: none;
  }
  #heading:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .back {
    display: inline-grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_fg);
    margin-top: -4px;
    font-size: 20px;
    cursor: pointer;
  }
  .back:hover {
    background: var(--_bg-subtle);
  }
  .back:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .lead {
    color: var(--_muted);
  }
  .alert-slot:empty {
    display: none;
  }
  .alert {
    margin: 0;
    padding: 10px 12px;
    border-radius: var(--_radius);
    background: var(--_danger-bg);
    border-inline-start: 4px solid var(--_danger);
  }
  .nowrap {
    white-space: nowrap;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
  }
  .input {
    width: 100%;
    min-height: 40px;
    padding: 8px 12px;
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  .input:focus-visible,
  select:focus-visible,
  input[type='radio']:focus-visible,
  input[type='checkbox']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .with-toggle {
    position: relative;
  }
  .with-toggle .input {
    padding-inline-end: 44px;
  }
  .reveal {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    width: 44px;
    display: grid;
    place-items: center;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    cursor: pointer;
  }
  .reveal:hover,
  .reveal[aria-pressed='true'] {
    color: var(--_fg);
  }
  .reveal:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -4px;
  }
  .reveal svg {
    width: 20px;
    height: 20px;
  }
  .hint {
    font-size: 13px;
    color: var(--_muted);
  }
  .field-error {
    display: flex;
    gap: 6px;
    font-size: 13px;
    color: var(--_danger);
  }
  .field-error::before {
    content: '!' / '';
    flex: none;
    display: grid;
    place-items: center;
    width: 16px;
    height: 16px;
    margin-top: 2px;
    border: 1.5px solid;
    border-radius: 50%;
    font-size: 11px;
    font-weight: 700;
    line-height: 1;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
  }
  .links {
    display: grid;
    gap: 8px;
    justify-items: start;
  }
  .link-button {
    padding: 4px 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  .link-button[disabled] {
    color: var(--_muted);
    text-decoration: none;
    cursor: default;
  }
  .link-button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 8px;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 32px;
  }
  .pick {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 48px;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .pick:hover {
    border-color: var(--_accent);
  }
  .pick:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }
  .pick:has(:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .pick input {
    flex: none;
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .pick input:focus-visible {
    outline: none;
  }
  .picks {
    grid-template-columns: repeat(auto-fit, minmax(128px, 1fr));
  }
  .account {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    background: var(--_bg-subtle);
    font-weight: 600;
    flex: none;
  }
  .account-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  /* Long text from the data (see longText) shows three lines; the full text is its title. */
  .clamp {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .option-title {
    font-weight: 600;
  }
  ol.steps {
    margin: 0;
    padding-inline-start: 20px;
    display: grid;
    gap: 6px;
  }
  .status-line {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--_muted);
  }
  .timer {
    font-variant-numeric: tabular-nums;
  }
  .small {
    font-size: 13px;
  }
  @media (forced-colors: active) {
    .input[aria-invalid='true'] {
      border-inline-start-width: 6px;
    }
    .pick:has(:checked) {
      outline: 3px solid Highlight;
    }
  }
`;
