import { css } from 'lit';

export const chatsStyles = css`
  .root {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px 16px;
    margin-bottom: 12px;
  }
  .search {
    display: grid;
    gap: 4px;
    flex: 1 1 240px;
    max-width: 420px;
  }
  .search label {
    font-weight: 600;
  }
  .search input {
    min-height: 40px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  .search input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .count {
    color: var(--_muted);
    font-size: 13px;
  }
  .caption {
    font-weight: 600;
    margin-bottom: 8px;
  }
  .table {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(180px, 2.2fr) minmax(120px, 1.2fr) minmax(110px, 1fr) minmax(160px, 1.6fr) minmax(110px, 1fr);
    align-items: center;
    min-height: 48px;
    border-top: 1px solid var(--_border);
    width: 100%;
  }
  .head {
    border-top: 0;
    background: var(--_bg-subtle);
    font-weight: 600;
  }
  .head .cell {
    /* Header words hyphenate (the root carries lang) rather than break mid-word. */
    overflow-wrap: normal;
    hyphens: auto;
  }
  .cell {
    padding: 8px 12px;
    min-width: 0;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
    text-align: start;
  }
  .name,
  .clamp {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .clamp {
    -webkit-line-clamp: 3;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 4px;
    margin: -4px;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .sort:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .arrow {
    color: var(--_muted);
    font-size: 12px;
  }
  .numeric {
    font-variant-numeric: tabular-nums;
  }
  .unavailable {
    display: block;
    color: var(--_muted);
    font-size: 12px;
  }
  .body.virtual {
    display: block;
    height: var(--sferum-table-height, 480px);
    overflow: auto;
  }
  .message {
    padding: 16px;
    color: var(--_muted);
  }
  @container (max-width: 560px) {
    .head {
      display: none;
    }
    .row {
      grid-template-columns: 1fr;
      gap: 2px;
      padding: 12px 0;
    }
    .cell {
      padding: 2px 12px;
    }
    /* Cards name each value (the column headers are hidden) and say «28 участников». */
    .cell[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_muted);
    }
    .numeric::after {
      content: ' ' attr(data-unit);
    }
    .body.virtual .row {
      min-height: 150px;
    }
  }
`;
