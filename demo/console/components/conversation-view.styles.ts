/**
 * Styles of `<conversation-view>`.
 */
import { css } from 'lit';

export const conversationStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: #f6f7f9;
  }
  .placeholder {
    flex: 1;
    display: grid;
    place-items: center;
    color: #5b6470;
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 12px 20px;
    background: #fff;
    border-bottom: 1px solid #dde2e8;
  }
  h2 {
    margin: 0;
    font-size: 17px;
  }
  .owner {
    color: #5b6470;
    font-size: 13px;
  }
  .status {
    padding: 1px 8px;
    border-radius: 9px;
    font-size: 12px;
    font-weight: 600;
    background: #eef0f2;
  }
  .status-in_queue {
    background: #fff4e5;
    color: #7a4a00;
  }
  .status-active {
    background: #e3f6ea;
    color: #1d6b3a;
  }
  .log {
    flex: 1;
    overflow-y: auto;
    padding: 18px 20px;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .msg {
    max-width: 70%;
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
  form {
    display: flex;
    gap: 10px;
    padding: 12px 20px;
    background: #fff;
    border-top: 1px solid #dde2e8;
  }
  textarea {
    flex: 1;
    font: inherit;
    resize: vertical;
    padding: 8px 10px;
    border: 1px solid #cfd4da;
    border-radius: 8px;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0 18px;
    border: 0;
    border-radius: 8px;
    background: #2456d6;
    color: #fff;
    font-weight: 600;
  }
  .error {
    margin: 0;
    padding: 0 20px 10px;
    background: #fff;
    color: #b42318;
  }
`;
