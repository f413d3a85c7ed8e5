import { css } from 'lit';

// Its own module: the tables import linkStyles, and a css call is never tree-shaken.
/**
 * The link element's own, at first load: the linked phone as text with its mark (not a box that
 * reads as a disabled field), the quiet unlink after the main action (start-aligned, on its own line when the row wraps), and `.skeleton` with the rows of
 * the entry and of the linked card. (No comments inside the css: they would ship.)
 */
export const linkCardStyles = css`
  .mark {
    color: var(--_success);
  }
  .phone {
    font-size: 16px;
    font-weight: 600;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .skeleton > :not(p) {
    height: 12px;
    margin-block: 4px;
    border-radius: 4px;
    background: var(--_bg-subtle);
    animation: sferum-skeleton 1.6s ease-in-out infinite;
  }
  .skeleton > i:first-of-type {
    width: 60%;
    height: 16px;
  }
  .skeleton > i:last-of-type {
    width: 80%;
  }
  .skeleton > b {
    width: 220px;
    max-width: 100%;
    height: 40px;
    margin: 0;
    border-radius: var(--_radius);
  }
  @keyframes sferum-skeleton {
    50% {
      opacity: 0.5;
    }
  }
`;
