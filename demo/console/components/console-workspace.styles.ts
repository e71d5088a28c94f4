/**
 * Styles of `<console-workspace>`.
 */
import { css } from 'lit';

export const workspaceStyles = css`
  :host {
    flex: 1;
    display: grid;
    grid-template-columns: 210px minmax(0, 1fr);
    min-height: 0;
  }
  .main {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
  }
  .main > admin-technicians,
  .main > admin-channels,
  .main > account-page,
  .main > desk-page,
  .main > desk-admin-page {
    flex: 1;
  }
  .columns {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(260px, 330px) minmax(0, 1fr);
    min-height: 0;
  }
  .lists {
    min-height: 0;
    overflow-y: auto;
    background: #fff;
    border-right: 1px solid #dde2e8;
  }
  .banner {
    display: flex;
    align-items: center;
    gap: 12px;
    margin: 0;
    padding: 6px 18px;
    background: #fff4e5;
    color: #7a4a00;
    font-size: 13px;
  }
  .banner.notice {
    background: #e8efff;
    color: #2443a0;
  }
  .banner span {
    flex: 1;
  }
  .banner button {
    padding: 2px 10px;
    font-size: 12px;
  }
`;
