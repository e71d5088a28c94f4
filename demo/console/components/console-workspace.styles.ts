/**
 * Styles of `<console-workspace>`.
 */
import { css } from 'lit';

export const workspaceStyles = css`
  :host {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .columns {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(260px, 340px) 1fr;
    min-height: 0;
  }
  .banner {
    margin: 0;
    padding: 6px 18px;
    background: #fff4e5;
    color: #7a4a00;
    font-size: 13px;
  }
`;
