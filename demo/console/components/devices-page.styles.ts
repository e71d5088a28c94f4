/**
 * Styles of `<devices-page>`: the device list beside the selected device's connection log.
 */
import { css } from 'lit';

export const devicesPageStyles = css`
  .state {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 500;
    white-space: nowrap;
  }
  .state::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #9aa3ad;
  }
  .state.online::before {
    background: #1f9d55;
  }
  .state.busy::before {
    background: #d97706;
  }
  .actions {
    display: flex;
    gap: 6px;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  .sub {
    display: block;
    color: #5b6470;
    font-size: 12px;
  }
  ol.log {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
    font-size: 13px;
  }
  ol.log li {
    border-left: 3px solid #dde2e8;
    padding: 2px 0 2px 10px;
  }
  .inline-edit {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px;
  }
  .inline-edit label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    flex: 1 1 220px;
  }
  .inline-edit p {
    margin: 0;
    flex: 1 1 100%;
  }
  h3 {
    font-size: 14px;
    margin: 16px 0 8px;
  }
  ol.log li.live {
    border-left-color: #d97706;
  }
`;
