/**
 * Styles of `<session-list>`.
 */
import { css } from 'lit';

export const sessionListStyles = css`
  :host {
    display: block;
  }
  h2 {
    display: flex;
    align-items: baseline;
    gap: 6px;
    margin: 0;
    padding: 14px 16px 8px;
    font-size: 13px;
    font-weight: 700;
    color: #3d4450;
  }
  h2 .count {
    font-weight: 500;
    color: #5b6470;
  }
  .empty {
    margin: 0;
    padding: 0 16px 14px;
    color: #5b6470;
    font-size: 13px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding: 10px 16px;
    border-top: 1px solid #eef0f2;
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
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .time,
  .meta {
    font-size: 12px;
    color: #5b6470;
  }
  .who {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
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
    border-radius: 10px;
    background: #d92d20;
    color: #fff;
    font-size: 12px;
    font-weight: 700;
    line-height: 20px;
    text-align: center;
  }
`;
