/**
 * Styles of `<permissions-panel>`.
 */
import { css } from 'lit';

export const permissionsPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  h3 {
    margin: 0;
    font-size: 13px;
    font-weight: 700;
    color: #3d4450;
  }
  .requests {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .requests button {
    text-align: left;
    white-space: normal;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  li {
    padding: 7px 10px;
    border: 1px solid #e1e4e8;
    border-radius: 8px;
    background: #fff;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .capability {
    flex: 1;
    font-weight: 600;
    font-size: 13px;
  }
  .meta {
    font-size: 12px;
    color: #5b6470;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    color: #7a4a00;
  }
  .perm-status {
    padding: 1px 8px;
    border-radius: 9px;
    font-size: 12px;
    font-weight: 600;
    background: #eef0f2;
    color: #3d4450;
    white-space: nowrap;
  }
  .perm-pending {
    background: #fff4e5;
    color: #7a4a00;
  }
  .perm-granted {
    background: #e3f6ea;
    color: #1d6b3a;
  }
  .perm-denied {
    background: #fef3f2;
    color: #b42318;
  }
  .error {
    font-size: 13px;
  }
`;
