/**
 * Styles of `<channel-form>`.
 */
import { css } from 'lit';

export const channelFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  textarea {
    resize: vertical;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 13px;
  }
  fieldset {
    margin: 0;
    padding: 10px 12px 12px;
    border: 1px solid #dde2e8;
    border-radius: 8px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  legend {
    padding: 0 4px;
    font-weight: 600;
    font-size: 13px;
  }
  label.os {
    display: grid;
    grid-template-columns: 80px 1fr;
    align-items: center;
    gap: 8px;
    font-weight: 500;
  }
  .members {
    display: flex;
    flex-direction: column;
    gap: 6px;
    max-height: 220px;
    overflow-y: auto;
  }
  .members .hint {
    font-size: 12px;
  }
  code {
    font-size: 12px;
    background: #f0f1f3;
    padding: 1px 5px;
    border-radius: 4px;
  }
  .form-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
`;
