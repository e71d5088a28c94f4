/**
 * Styles of `<console-toolbar>`.
 */
import { css } from 'lit';

export const consoleToolbarStyles = css`
  :host {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 10px 18px;
    background: #fff;
    border-bottom: 1px solid #dde2e8;
  }
  h1 {
    flex: 1;
    margin: 0;
    font-size: 17px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* The dialogs take no room in the toolbar until opened (and then they are in the top layer). */
  new-session-dialog,
  connect-code-dialog {
    display: contents;
  }
  .buttons {
    display: flex;
    gap: 8px;
  }
`;
