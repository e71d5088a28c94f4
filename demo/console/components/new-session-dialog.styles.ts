/**
 * Styles of `<new-session-dialog>`.
 */
import { css } from 'lit';

export const newSessionDialogStyles = css`
  .lead {
    margin: 0 0 14px;
  }
  invitation-details {
    margin-bottom: 14px;
  }
`;
