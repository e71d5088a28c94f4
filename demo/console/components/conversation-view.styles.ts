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
  .body.unattended {
    grid-template-columns: minmax(0, 1fr);
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
  .body {
    position: relative;
  }
  /* Hidden or unpinned, the chat floats over the session view and gives the rest its room. */
  .body:has(chat-panel[floating], chat-panel[collapsed]) {
    grid-template-columns: minmax(0, 1fr);
  }
  chat-panel[floating],
  chat-panel[collapsed] {
    position: absolute;
    right: 16px;
    bottom: 16px;
    z-index: 2;
    width: min(420px, calc(100% - 32px));
    border: 1px solid #cfd4da;
    border-radius: 12px;
    overflow: hidden;
    box-shadow: 0 12px 32px rgb(16 24 40 / 0.18);
  }
  chat-panel[floating]:not([collapsed]) {
    height: min(560px, calc(100% - 32px));
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
