import { css } from 'lit';

/** The chats' columns (see `tableStyles`): each wide enough at 48.5 em for its header's and its types' longest word. */
export const chatsStyles = css`
  .table {
    --c1: 23%;
    --c2: 20%;
    --c3: 18%;
    --c4: 23%;
    --c5: 16%;
  }
`;
