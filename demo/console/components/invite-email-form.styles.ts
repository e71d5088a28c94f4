/**
 * Styles of `<invite-email-form>`.
 */
import { css } from 'lit';

export const inviteEmailStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: 10px;
    margin-top: 14px;
    padding-top: 12px;
    border-top: 1px solid #eef0f2;
  }
  h3 {
    margin: 0;
    font-size: 14px;
  }
  textarea {
    resize: vertical;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 12px;
  }
`;
