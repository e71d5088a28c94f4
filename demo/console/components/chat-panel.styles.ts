/**
 * Styles of `<chat-panel>`.
 */
import { css } from 'lit';

export const chatPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    background: #f6f7f9;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 20px;
    background: #fff;
    border-bottom: 1px solid #eef0f2;
  }
  .bar h3 {
    flex: 1;
    margin: 0;
    font-size: 13px;
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .badge {
    min-width: 18px;
    padding: 0 5px;
    border-radius: 9px;
    background: #d92d20;
    color: #fff;
    font-size: 11px;
    line-height: 18px;
    text-align: center;
  }
  button.small {
    padding: 3px 9px;
    font-size: 12px;
  }
  .log {
    flex: 1;
    overflow-y: auto;
    padding: 18px 20px;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .empty {
    align-self: center;
  }
  .msg {
    max-width: 75%;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .msg .text {
    padding: 8px 12px;
    border-radius: 12px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .msg .meta {
    font-size: 11px;
    color: #5b6470;
  }
  .msg.visitor {
    align-self: flex-start;
  }
  .msg.visitor .text {
    background: #fff;
    border: 1px solid #e1e4e8;
  }
  .msg.technician {
    align-self: flex-end;
    text-align: right;
  }
  .msg.technician .text {
    background: #2456d6;
    color: #fff;
    text-align: left;
  }
  .msg.note {
    align-self: center;
    max-width: 85%;
    text-align: left;
  }
  .msg.note .text,
  .msg.technician.note .text {
    background: #fff8e1;
    color: #3d2e00;
    border: 1px dashed #d8a80b;
  }
  .msg.note .meta strong {
    color: #8a6100;
  }
  .msg.pending {
    opacity: 0.75;
  }
  .failed {
    color: #b42318;
    font-weight: 600;
  }
  .retry {
    display: flex;
    gap: 6px;
    justify-content: flex-end;
    margin-top: 2px;
  }
  .receipt {
    align-self: flex-end;
    margin-top: -6px;
    font-size: 11px;
    color: #5b6470;
  }
  .receipt.read {
    color: #2456d6;
  }
  .typing {
    margin: 0;
    font-size: 12px;
    font-style: italic;
    color: #5b6470;
  }
  .typing .dots::before {
    content: '•••';
    margin-right: 6px;
  }
  /* The widget's rich-text styles apply too; here technicians' bubbles are the dark ones. */
  .msg.visitor .rich :not(pre) > code,
  .msg.visitor .rich pre,
  .msg.note .rich :not(pre) > code,
  .msg.note .rich pre {
    background: rgb(0 0 0 / 0.07);
  }
  .msg.technician:not(.note) .rich :not(pre) > code,
  .msg.technician:not(.note) .rich pre {
    background: rgb(255 255 255 / 0.18);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 10px 20px 12px;
    background: #fff;
    border-top: 1px solid #dde2e8;
  }
  form.internal {
    background: #fffbeb;
    border-top-color: #d8a80b;
  }
  .modes {
    display: flex;
    gap: 16px;
  }
  .modes label {
    flex-direction: row;
    align-items: center;
    gap: 5px;
    font-weight: 500;
    font-size: 12px;
  }
  .row {
    display: flex;
    gap: 10px;
  }
  textarea {
    flex: 1;
    resize: vertical;
  }
  .row button {
    padding: 0 18px;
  }
  .ended {
    padding: 14px 20px;
    background: #fff;
    border-top: 1px solid #dde2e8;
  }
`;
