import { css, type CSSResult } from 'lit';

/**
 * The tables of the kit (`<sferum-chats>`, `<sferum-vcs>`), built to cost little to style and lay
 * out: rows are flex lines of fixed column widths (`--c1`…`--c5`, set per element), so no cell is
 * measured to size a column; cell text wraps at spaces and hyphenates (the root carries `lang`),
 * breaking inside a word only when one word is wider than its column. Below the element's own
 * `cards` width (a container query in em, so it follows `--sferum-font-size`) rows become cards;
 * `.probe` changes width with the query so that the element knows it (see `TableMode`) and adds
 * the cards' labels, which therefore cost nothing while the element is a table.
 * (No comments inside the css: they would ship.)
 */
export const tableStyles = css`
  .root {
    container-type: inline-size;
  }
  .toolbar {
    margin-bottom: 12px;
  }
  .search label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  .search input {
    display: block;
    width: 100%;
    max-width: 420px;
    min-height: 40px;
    padding: 8px 12px;
    border: 1px solid var(--_field-border, var(--_border));
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .hint {
    display: block;
    margin-top: 4px;
  }
  .caption {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 4px 16px;
    font-weight: 600;
    margin-bottom: 8px;
  }
  .count {
    color: var(--_muted);
    font-size: 13px;
    font-weight: 400;
  }
  .table {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .tr {
    display: flex;
    align-items: center;
    width: 100%;
    min-height: 48px;
    border-top: 1px solid var(--_border);
  }
  .head {
    border-top: 0;
    background: var(--_bg-subtle);
    font-weight: 600;
  }
  .td {
    flex: none;
    padding: 8px 12px;
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .c1 {
    width: var(--c1);
  }
  .c2 {
    width: var(--c2);
  }
  .c3 {
    width: var(--c3);
  }
  .c4 {
    width: var(--c4);
  }
  .c5 {
    width: var(--c5);
  }
  .t {
    unicode-bidi: plaintext;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .name,
  .clamp {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .name {
    -webkit-line-clamp: 2;
  }
  .unavailable {
    display: block;
    color: var(--_muted);
    font-size: 12px;
  }
  .cards [data-label]::before {
    content: attr(data-label) ': ';
    color: var(--_muted);
  }
  .cards [data-unit]::after {
    content: ' ' attr(data-unit);
  }
  .sort {
    padding: 4px;
    margin: -4px;
    border: 0;
    background: none;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .sort:focus-visible,
  .virtual:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .arrow {
    color: var(--_muted);
    font-size: 12px;
    margin-inline-start: 4px;
  }
  .v .thead,
  .virtual {
    overflow: hidden;
    scrollbar-gutter: stable;
  }
  .virtual {
    height: var(--sferum-table-height, 480px);
    overflow: auto;
  }
  .message {
    padding: 24px 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }
  .probe {
    width: 1px;
  }
`;

/** Rows as cards below `em` of the element's own width (chats and conferences need different widths). */
export const cardStyles = (em: number): CSSResult => css`
  @container (max-width: ${em}em) {
    .tr {
      display: block;
      padding: 12px 16px;
    }
    .head {
      display: none;
    }
    .td {
      width: auto;
      padding: 0;
    }
    .td + .td {
      margin-top: 4px;
    }
    .td:first-child {
      font-weight: 600;
    }
    .probe {
      width: 2px;
    }
  }
`;
