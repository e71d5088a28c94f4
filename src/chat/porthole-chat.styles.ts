/**
 * Styles of `<porthole-chat>`; Lit adopts them as a constructable stylesheet.
 */
import { css } from 'lit';

export const chatStyles = css`
  :host {
    all: initial;
    display: flex;
    flex-direction: column;
    width: min(360px, calc(100vw - 40px));
    height: min(520px, calc(100vh - 120px));
    background: #fff;
    border-radius: 14px;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.22);
    overflow: hidden;
    font:
      14px/1.45 system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    color: #1b1f24;
  }
  header {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 14px 16px;
    background: var(--porthole-accent, #2456d6);
    color: #fff;
  }
  .title {
    flex: 1;
  }
  header h2 {
    margin: 0;
    font-size: 16px;
    font-weight: 600;
    flex: 1;
  }
  header p {
    margin: 2px 0 0;
    font-size: 12px;
    opacity: 0.9;
  }
  .close {
    all: unset;
    cursor: pointer;
    width: 28px;
    height: 28px;
    display: grid;
    place-items: center;
    border-radius: 6px;
    font-size: 20px;
  }
  .close:hover,
  .close:focus-visible {
    background: rgb(255 255 255 / 0.18);
  }
  .log {
    flex: 1;
    overflow-y: auto;
    padding: 14px 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    background: #f6f7f9;
  }
  .empty {
    margin: auto;
    text-align: center;
    color: #5b6470;
    max-width: 240px;
  }
  .msg {
    max-width: 80%;
    padding: 8px 11px;
    border-radius: 12px;
    overflow-wrap: anywhere;
  }
  .msg .text {
    white-space: pre-wrap;
  }
  .msg.visitor {
    align-self: flex-end;
    background: var(--porthole-accent, #2456d6);
    color: #fff;
    border-bottom-right-radius: 4px;
  }
  .msg.technician {
    align-self: flex-start;
    background: #fff;
    border: 1px solid #e1e4e8;
    border-bottom-left-radius: 4px;
  }
  .msg.pending {
    opacity: 0.65;
  }
  .msg .who {
    display: block;
    font-size: 11px;
    font-weight: 600;
    color: #5b6470;
    margin-bottom: 2px;
  }
  .msg .error {
    display: block;
    font-size: 11px;
    color: #ffd8d3;
  }
  .receipt {
    align-self: flex-end;
    margin-top: -4px;
    font-size: 11px;
    color: #5b6470;
  }
  .receipt.read {
    color: var(--porthole-accent, #2456d6);
  }
  .typing {
    align-self: flex-start;
    margin: 0;
    font-size: 12px;
    font-style: italic;
    color: #5b6470;
  }
  .typing .dots::before {
    content: '•••';
    margin-right: 6px;
    letter-spacing: 1px;
  }
  .status {
    padding: 6px 14px;
    font-size: 12px;
    color: #5b6470;
    background: #fff;
    border-top: 1px solid #eef0f2;
  }
  .status.problem {
    color: #b42318;
  }
  form.compose {
    display: flex;
    gap: 8px;
    padding: 10px;
    border-top: 1px solid #eef0f2;
    background: #fff;
  }
  textarea {
    flex: 1;
    resize: none;
    font: inherit;
    padding: 8px 10px;
    border: 1px solid #cfd4da;
    border-radius: 8px;
    min-height: 20px;
    max-height: 96px;
  }
  textarea:focus {
    outline: 2px solid #8fb0ff;
    border-color: transparent;
  }
  button.send {
    all: unset;
    cursor: pointer;
    padding: 0 14px;
    border-radius: 8px;
    background: var(--porthole-accent, #2456d6);
    color: #fff;
    font-weight: 600;
  }
  button.send:focus-visible {
    outline: 3px solid #8fb0ff;
  }
`;
