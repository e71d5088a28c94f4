/**
 * Styles of `<session-list>`.
 */
import { css } from 'lit';

export const sessionListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: #fff;
    border-right: 1px solid #dde2e8;
  }
  h2 {
    margin: 0;
    padding: 16px 16px 10px;
    font-size: 15px;
  }
  .empty {
    padding: 0 16px;
    color: #5b6470;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    overflow-y: auto;
  }
  li {
    padding: 10px 16px;
    border-bottom: 1px solid #eef0f2;
    cursor: pointer;
    display: flex;
    flex-direction: column;
    gap: 3px;
  }
  li:hover {
    background: #f6f8fb;
  }
  li.selected {
    background: #e8efff;
    box-shadow: inset 3px 0 0 #2456d6;
  }
  li:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: -3px;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    flex: 1;
  }
  .time,
  .meta {
    font-size: 12px;
    color: #5b6470;
  }
  .last {
    flex: 1;
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    color: #3d4450;
  }
  .unread {
    min-width: 20px;
    height: 20px;
    padding: 0 6px;
    box-sizing: border-box;
    border-radius: 10px;
    background: #d92d20;
    color: #fff;
    font-size: 12px;
    font-weight: 700;
    line-height: 20px;
    text-align: center;
  }
  .status {
    padding: 0 7px;
    border-radius: 9px;
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
  .status-waiting {
    background: #e8efff;
    color: #2443a0;
  }
`;
