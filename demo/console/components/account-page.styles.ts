/**
 * Styles of `<account-page>`.
 */
import { css } from 'lit';

export const accountPageStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 20px;
    padding: 20px;
    max-width: 480px;
    overflow-y: auto;
    min-height: 0;
  }
  section {
    background: #fff;
    border: 1px solid #dde2e8;
    border-radius: 12px;
    padding: 18px 20px;
  }
  h2 {
    margin: 0 0 12px;
    font-size: 16px;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 16px;
    margin: 0;
  }
  dt {
    color: #5b6470;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .form-actions {
    display: flex;
    justify-content: flex-end;
  }
`;
