import { css } from 'lit';

/** Grey placeholders of a loading state's final layout (`<sferum-join>` uses them too). */
export const boneStyles = css`
  .bone {
    display: block;
    height: 12px;
    margin: 4px 0;
    width: 8em;
    border-radius: 6px;
    background: var(--_border);
    animation: sferum-pulse 1.5s ease-in-out infinite alternate;
  }
  .td .bone {
    width: 70%;
  }
  .field.bone,
  .filter.bone {
    width: 100%;
    max-width: 420px;
    height: 40px;
    margin: 8px 0 0;
    border-radius: var(--_radius);
  }
  .filter.bone {
    max-width: 20em;
    height: 38px;
  }
  .hint.bone {
    margin-top: 8px;
  }
  @keyframes sferum-pulse {
    to {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .bone {
      forced-color-adjust: none;
      background: GrayText;
    }
  }
`;
