/**
 * Styles of `<invitation-details>`.
 */
import { css } from 'lit';

export const invitationDetailsStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .copy-row {
    display: flex;
    gap: 8px;
  }
  .copy-row input {
    flex: 1;
    min-width: 0;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 13px;
  }
  .pin {
    margin: 0;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 28px;
    font-weight: 700;
    letter-spacing: 0.3em;
    color: #14213d;
  }
`;
