import { css } from 'lit';

/**
 * What only a success needs, so it comes with the wizard and with the unlink dialog (the element
 * adopts it then): `.stack` puts the message above the card (it follows the card in the DOM: the
 * live region is always there, and a loading status comes first); while the element keeps the
 * height it had, the new card fills it, and it eases down when the message goes.
 */
export const successStyles = css`
  .stack {
    display: flex;
    flex-direction: column;
    transition: min-height 0.4s ease-out;
  }
  .stack > .card {
    flex: 1;
    align-content: center;
  }
  .message {
    order: -1;
    margin: 0;
  }
  .message:not(:empty) {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-bottom: 12px;
    padding: 10px 12px;
    border: 1px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_bg-subtle);
    animation: sferum-message 8s forwards;
  }
  @keyframes sferum-message {
    96% {
      opacity: 1;
    }
    to {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .stack {
      transition: none;
    }
  }
`;
