import { css } from 'lit';

/**
 * The inside of every element: inherited properties from the host page are reset on `.root`
 * (the outer box stays the host's), sizes are in px (the page may change the root font size),
 * and every colour, radius and font is a `--sferum-*` token with a preset fallback.
 *
 * - `--_field-border`: a field's edge identifies it (WCAG 1.4.11), so it reaches 3:1 against the
 *   surface in both themes; `--_border` stays a quiet divider.
 * - Dark: the vendor's accent stays, lightened for a dark surface (the host's `--sferum-color-accent-dark`,
 *   else its `--sferum-color-accent`, else the preset's dark variant).
 * - Buttons: `.button` is the one main action, `.secondary` outlined, `.quiet` of text weight;
 *   `.quiet.danger` a destructive action at rest (the confirming one is in modal.ts: never the accent, DESIGN.md 1).
 * - Forced colours (Windows contrast themes repaint everything): the main action keeps a fill
 *   (Highlight) while enabled, the others stay outlined, a quiet action is underlined. Error boxes keep their
 *   thick start border there (borders survive, in the system's text colour).
 * (No comments inside the css: they would ship.)
 */
export const baseStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none !important;
  }
  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    direction: ltr;
    text-align: start;
    --_accent: var(--sferum-color-accent, var(--sferum-preset-color-accent, #1a66c2));
    --_accent-contrast: var(--sferum-color-accent-contrast, var(--sferum-preset-color-accent-contrast, #ffffff));
    --_fg: var(--sferum-color-text, #1f2328);
    --_muted: var(--sferum-color-text-muted, #57606a);
    --_bg: var(--sferum-color-surface, #ffffff);
    --_bg-subtle: var(--sferum-color-surface-subtle, #f3f5f7);
    --_border: var(--sferum-color-border, #c9d1d9);
    --_field-border: var(--sferum-color-field-border, #7d8590);
    --_danger: var(--sferum-color-danger, #b42318);
    --_danger-bg: var(--sferum-color-danger-surface, #fdecea);
    --_warning-bg: var(--sferum-color-warning-surface, #fff6dc);
    --_success: var(--sferum-color-success, #1a7f37);
    --_focus: var(--sferum-color-focus, #1f6feb);
    --_radius: var(--sferum-radius, var(--sferum-preset-radius, 8px));
    --_font: var(--sferum-font-family, var(--sferum-preset-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif));
    --_space: var(--sferum-space, 16px);
    font-family: var(--_font);
    font-size: var(--sferum-font-size, 14px);
    line-height: 20px;
    font-weight: 400;
    color: var(--_fg);
    background: var(--_bg);
    color-scheme: light;
    -webkit-text-size-adjust: 100%;
  }
  .root.dark {
    color-scheme: dark;
    --_fg: var(--sferum-color-text, #e6edf3);
    --_muted: var(--sferum-color-text-muted, #9da7b3);
    --_bg: var(--sferum-color-surface, #161b22);
    --_bg-subtle: var(--sferum-color-surface-subtle, #21262d);
    --_border: var(--sferum-color-border, #3d444d);
    --_field-border: var(--sferum-color-field-border, #6e7681);
    --_danger: var(--sferum-color-danger, #ff9492);
    --_danger-bg: var(--sferum-color-danger-surface, #3b1214);
    --_warning-bg: var(--sferum-color-warning-surface, #3a2f0b);
    --_success: var(--sferum-color-success, #56d364);
    --_focus: var(--sferum-color-focus, #79c0ff);
    --_accent: var(--sferum-color-accent-dark, var(--sferum-color-accent, var(--sferum-preset-color-accent-dark, #4493f8)));
    --_accent-contrast: var(--sferum-color-accent-contrast, #0d1117);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  p {
    margin: 0;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    font-size: 18px;
    line-height: 24px;
    font-weight: 600;
    text-wrap: balance;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 40px;
    padding: 8px 16px;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .button.quiet {
    background: transparent;
    color: var(--_accent);
  }
  .button.quiet.danger {
    color: var(--_danger);
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .spinner {
    width: 20px;
    height: 20px;
    border: 3px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: sferum-spin 0.9s linear infinite;
    flex: none;
  }
  @keyframes sferum-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  @media (forced-colors: active) {
    .button:not(.secondary, .quiet, [disabled], [aria-disabled='true']) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .button.quiet {
      text-decoration: underline;
    }
  }
`;
