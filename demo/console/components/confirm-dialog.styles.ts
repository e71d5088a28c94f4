/**
 * Styles of `<confirm-dialog>`.
 */
import { css } from 'lit';

export const confirmDialogStyles = css`
  dialog {
    width: min(420px, calc(100vw - 32px));
  }
  .hint {
    font-size: 14px;
    line-height: 1.5;
  }
`;
