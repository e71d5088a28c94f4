/**
 * Styles of `<console-nav>`.
 */
import { css } from 'lit';

export const consoleNavStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow-y: auto;
    background: #1c2b4a;
    color: #dfe6f3;
  }
  nav {
    display: flex;
    flex-direction: column;
    flex: 1;
    padding: 10px 8px;
  }
  h2 {
    margin: 16px 10px 4px;
    font-size: 11px;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: #8d9bb5;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  ul.bottom {
    margin-top: auto;
    padding-top: 16px;
  }
  .empty {
    padding: 4px 10px;
    color: #8d9bb5;
    font-size: 13px;
  }
  button.entry {
    width: 100%;
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 7px 10px;
    border: 0;
    border-radius: 7px;
    background: transparent;
    color: inherit;
    font-weight: 500;
    text-align: left;
  }
  button.entry:hover {
    background: rgb(255 255 255 / 0.08);
  }
  button.entry[aria-current='page'] {
    background: #2456d6;
    color: #fff;
    font-weight: 600;
  }
  .label {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
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
