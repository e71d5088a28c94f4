/**
 * Styles of `<status-tabs>`.
 */
import { css } from 'lit';

export const statusTabsStyles = css`
  :host {
    display: block;
    padding: 10px 12px 8px;
    border-bottom: 1px solid #eef0f2;
  }
  div {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  button.tab {
    padding: 3px 9px;
    border: 1px solid transparent;
    border-radius: 14px;
    background: transparent;
    color: #3d4450;
    font-size: 12px;
    font-weight: 500;
  }
  button.tab:hover {
    background: #f3f5f8;
  }
  button.tab[aria-pressed='true'] {
    background: #e8efff;
    border-color: #b9cbff;
    color: #2443a0;
    font-weight: 600;
  }
  .count {
    margin-left: 2px;
    color: #5b6470;
    font-variant-numeric: tabular-nums;
  }
  button.tab[aria-pressed='true'] .count {
    color: inherit;
  }
`;
