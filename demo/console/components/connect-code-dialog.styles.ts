/**
 * Styles of `<connect-code-dialog>`.
 */
import { css } from 'lit';

export const connectCodeDialogStyles = css`
  input.code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 22px;
    letter-spacing: 0.15em;
    padding: 9px 12px;
  }
`;
