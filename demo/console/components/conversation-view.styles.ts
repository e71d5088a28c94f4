/**
 * Styles of `<conversation-view>`.
 */
import { css } from 'lit';

export const conversationStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    background: #f6f7f9;
  }
  .placeholder {
    flex: 1;
    display: grid;
    place-items: center;
    color: #5b6470;
  }
  header {
    padding: 12px 20px 10px;
    background: #fff;
    border-bottom: 1px solid #eef0f2;
  }
  .title {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }
  h2 {
    margin: 0;
    font-size: 17px;
  }
  .presence {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    font-size: 12px;
    color: #5b6470;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #98a2b3;
  }
  .online .dot {
    background: #12b76a;
    box-shadow: 0 0 0 3px rgb(18 183 106 / 0.18);
  }
  .people {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin: 4px 0 0;
    font-size: 13px;
    color: #5b6470;
  }
  .people strong {
    color: #1b1f24;
    font-weight: 600;
  }
  .body {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(240px, 300px);
  }
  .chat {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
  }
  aside {
    display: flex;
    flex-direction: column;
    gap: 22px;
    padding: 14px 16px;
    overflow-y: auto;
    background: #fbfcfd;
    border-left: 1px solid #dde2e8;
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
  /* The widget's rich-text styles apply too (see conversation-view.ts); here technicians' bubbles are the dark ones. */
  .msg.visitor .rich :not(pre) > code,
  .msg.visitor .rich pre {
    background: rgb(0 0 0 / 0.07);
  }
  .msg.technician .rich :not(pre) > code,
  .msg.technician .rich pre {
    background: rgb(255 255 255 / 0.18);
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
    resize: vertical;
  }
  form button {
    padding: 0 18px;
  }
  .error {
    padding: 0 20px 10px;
    background: #fff;
  }
  .ended {
    padding: 14px 20px;
    background: #fff;
    border-top: 1px solid #dde2e8;
  }
  @media (max-width: 1100px) {
    .body {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) auto;
    }
    aside {
      max-height: 40vh;
      border-left: 0;
      border-top: 1px solid #dde2e8;
    }
  }
  .title .identity {
    font-size: 14px;
    color: #3d4450;
    overflow-wrap: anywhere;
  }
`;
