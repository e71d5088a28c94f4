/**
 * Styles shared by the admin and account pages: a list beside an editor form.
 */
import { css } from 'lit';

export const adminPageStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(320px, 420px);
    gap: 20px;
    align-items: start;
    padding: 20px;
    overflow-y: auto;
    min-height: 0;
  }
  /* The list stays in view while a long form scrolls beside it. */
  section.list {
    position: sticky;
    top: 0;
  }
  section {
    background: #fff;
    border: 1px solid #dde2e8;
    border-radius: 12px;
    padding: 18px 20px;
    min-width: 0;
  }
  h2 {
    margin: 0 0 12px;
    font-size: 16px;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .form-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  th {
    text-align: left;
    font-size: 12px;
    font-weight: 600;
    color: #5b6470;
    padding: 6px 8px;
    border-bottom: 1px solid #dde2e8;
  }
  td {
    padding: 8px;
    border-bottom: 1px solid #eef0f2;
    vertical-align: middle;
    overflow-wrap: anywhere;
  }
  td button {
    padding: 3px 10px;
    font-size: 13px;
  }
  code {
    font-size: 12px;
    background: #f0f1f3;
    padding: 1px 5px;
    border-radius: 4px;
  }
  tr.editing td {
    background: #e8efff;
  }
  .pill.role-admin {
    background: #ede9fe;
    color: #5b21b6;
  }
  @media (max-width: 1000px) {
    :host {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
