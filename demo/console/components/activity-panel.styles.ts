/**
 * Styles of `<activity-panel>`.
 */
import { css } from 'lit';

export const activityPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  h3 {
    margin: 0;
    font-size: 13px;
    font-weight: 700;
    color: #3d4450;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
  }
  li {
    display: flex;
    flex-direction: column;
    padding: 6px 0 6px 12px;
    border-left: 2px solid #dde2e8;
  }
  .summary {
    font-size: 13px;
    overflow-wrap: anywhere;
  }
  .meta {
    font-size: 12px;
    color: #5b6470;
  }
`;
