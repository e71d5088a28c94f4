/**
 * Styles of `<support-client-panel>` and its parts (files).
 */
import { css } from 'lit';

export const clientPanelStyles = css`
  :host {
    display: block;
  }
  section.client {
    margin: 10px 16px 0;
    padding: 12px 14px;
    background: #fff;
    border: 1px solid #e1e4e8;
    border-radius: 10px;
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 10px;
    flex-wrap: wrap;
  }
  h3 {
    margin: 0;
    font-size: 14px;
  }
  .badge {
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 999px;
    background: #ecfdf3;
    color: #067647;
  }
  .head .end {
    margin-left: auto;
  }
  .capabilities {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .badge.ended {
    background: #f2f4f7;
    color: #475467;
  }
  .badge.limited {
    background: #fffaeb;
    color: #b54708;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0;
    font-size: 12px;
  }
  dt {
    color: #5b6470;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .asks {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .asks .status {
    font-size: 11px;
    font-weight: 500;
    margin-left: 4px;
    opacity: 0.8;
  }
  .hint {
    margin: 0;
    font-size: 12px;
    color: #5b6470;
  }
  .error {
    margin: 0;
    font-size: 12px;
    color: #b42318;
  }
  .files {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .files .row {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    font-size: 13px;
  }
  .files label {
    display: flex;
    align-items: center;
    gap: 8px;
    flex: 1;
  }
  .files input[name='path'] {
    flex: 1;
    font: inherit;
    padding: 5px 8px;
    border: 1px solid #cfd4da;
    border-radius: 6px;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    font-size: 12px;
  }
  progress {
    width: 140px;
  }
`;
