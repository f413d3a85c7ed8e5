import { css } from 'lit';

/** Boxes the link shares with the tables and the hub: the card, a row of actions, an error box, a field. */
export const linkStyles = css`
  .card {
    display: grid;
    gap: 12px;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }
  .status {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 40px;
  }
  .error {
    display: grid;
    gap: 12px;
    padding: 12px var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-bg);
    color: var(--_fg);
    border-inline-start: 4px solid var(--_danger);
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .hint {
    font-size: 13px;
    color: var(--_muted);
  }
`;
