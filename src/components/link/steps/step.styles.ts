import { css } from 'lit';

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
    align-items: center;
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
  .field {
    display: grid;
    gap: 4px;
  }
  label,
  legend {
    font-weight: 600;
  }
  .input {
    width: 100%;
    min-height: 40px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
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
    display: flex;
    gap: 8px;
  }
  .with-toggle .input {
    flex: 1;
  }
  .hint {
    font-size: 13px;
    color: var(--_muted);
  }
  .field-error {
    font-size: 13px;
    color: var(--_danger);
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
  /* A list of options (recovery methods): styled here, never by a style attribute (a strict CSP blocks it). */
  ul.links {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.links > li {
    width: 100%;
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
  .option {
    display: grid;
    gap: 2px;
    width: 100%;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    text-align: start;
    cursor: pointer;
  }
  .option:hover {
    border-color: var(--_accent);
  }
  .option:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
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
`;
