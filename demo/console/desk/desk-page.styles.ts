/**
 * Styles of `<desk-page>`.
 */
import { css } from 'lit';

export const deskPageStyles = css`
  :host {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: #f6f7f9;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px 18px;
    border-bottom: 1px solid #dde2e8;
    background: #fff;
  }
  ticket-filters {
    flex: 1;
    min-width: 0;
  }
  .views {
    display: flex;
    gap: 4px;
  }
  .banner {
    margin: 0;
    padding: 6px 18px;
    background: #fef3f2;
    color: #b42318;
    font-size: 13px;
  }
  .list-view {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(0, 1fr) 340px;
    min-height: 0;
  }
  .expert-view {
    flex: 1;
    display: grid;
    grid-template-columns: 280px minmax(0, 1fr) 320px;
    min-height: 0;
  }
  .side,
  ticket-overview {
    border-left: 1px solid #dde2e8;
    background: #fff;
    min-height: 0;
    overflow-y: auto;
  }
  .inbox {
    border-right: 1px solid #dde2e8;
    background: #fff;
  }
  .placeholder {
    margin: 0;
    padding: 24px;
    color: #5b6470;
  }
  .placeholder.wide {
    grid-column: span 2;
  }
`;
