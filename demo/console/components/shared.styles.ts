/**
 * Styles every console component shares: buttons, form fields, dialogs, pills and error lines.
 * Components list it first in `static styles` and add their own after it.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    border-radius: 8px;
    padding: 6px 12px;
    border: 1px solid #2456d6;
    background: #2456d6;
    color: #fff;
    white-space: nowrap;
  }
  button.secondary {
    background: #fff;
    color: #1b1f24;
    border-color: #cfd4da;
    font-weight: 500;
  }
  button.secondary:hover {
    background: #f3f5f8;
  }
  button.danger {
    background: #fff;
    color: #b42318;
    border-color: #f1b5ae;
    font-weight: 500;
  }
  button.danger:hover {
    background: #fef3f2;
  }
  button.danger.solid {
    background: #b42318;
    border-color: #b42318;
    color: #fff;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: 1px;
  }
  label,
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-weight: 600;
    font-size: 13px;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 8px;
    font-weight: 500;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    padding: 7px 9px;
    border: 1px solid #cfd4da;
    border-radius: 8px;
    background: #fff;
    color: inherit;
  }
  .hint {
    margin: 0;
    color: #5b6470;
    font-size: 13px;
    font-weight: 400;
  }
  .error {
    margin: 0;
    color: #b42318;
  }
  .success {
    margin: 0;
    color: #1d6b3a;
  }
  dialog {
    border: 0;
    border-radius: 14px;
    padding: 22px 24px;
    width: min(460px, calc(100vw - 32px));
    box-shadow: 0 18px 50px rgb(20 33 61 / 0.25);
    color: #1b1f24;
  }
  dialog::backdrop {
    background: rgb(20 33 61 / 0.35);
  }
  dialog h2 {
    margin: 0 0 14px;
    font-size: 18px;
  }
  dialog form {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 4px;
  }
  .pill {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 9px;
    font-size: 12px;
    font-weight: 600;
    background: #eef0f2;
    color: #3d4450;
    white-space: nowrap;
  }
  .pill.status-in_queue {
    background: #fff4e5;
    color: #7a4a00;
  }
  .pill.status-active {
    background: #e3f6ea;
    color: #1d6b3a;
  }
  .pill.status-waiting {
    background: #e8efff;
    color: #2443a0;
  }
  .pill.status-closed,
  .pill.status-expired {
    background: #f0f1f3;
    color: #5b6470;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
