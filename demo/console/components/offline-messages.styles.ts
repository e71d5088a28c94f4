/**
 * Styles of `<offline-messages>`.
 */
import { css } from 'lit';

export const offlineMessagesStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  h3 {
    margin: 0;
    font-size: 15px;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  li {
    border: 1px solid #dde2e8;
    border-radius: 8px;
    padding: 10px 12px;
    background: #fff;
  }
  p {
    margin: 0;
  }
  .from {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
    align-items: baseline;
    font-size: 13px;
  }
  time,
  .mark {
    font-size: 12px;
    color: #5b6470;
  }
  .text {
    margin-top: 6px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  dl {
    margin: 6px 0 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 10px;
    font-size: 12px;
  }
  dt {
    color: #5b6470;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
