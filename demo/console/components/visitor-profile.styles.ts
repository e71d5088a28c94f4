/**
 * Styles of `<visitor-profile>`.
 */
import { css } from 'lit';

export const visitorProfileStyles = css`
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
  .identity {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    font-size: 14px;
    overflow-wrap: anywhere;
  }
  .email,
  .id {
    flex-basis: 100%;
    font-size: 12px;
    color: #5b6470;
  }
  .mark {
    font-size: 11px;
    font-weight: 600;
    padding: 1px 7px;
    border-radius: 999px;
  }
  .verified {
    background: #e3f4e8;
    color: #1d6b35;
  }
  .unverified {
    background: #fdf0d9;
    color: #8a5300;
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: minmax(70px, auto) 1fr;
    gap: 4px 10px;
    font-size: 13px;
  }
  dt {
    color: #5b6470;
  }
  dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
