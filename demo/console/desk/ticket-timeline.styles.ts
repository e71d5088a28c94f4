/**
 * Styles of `<ticket-timeline>`.
 */
import { css } from 'lit';

export const timelineStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    font-size: 13px;
  }
  .sessions {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 10px 16px;
    border-bottom: 1px solid #dde2e8;
    background: #fff;
  }
  .session {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .session .state {
    font-weight: 600;
    flex: 1;
  }
  .dot {
    width: 9px;
    height: 9px;
    border-radius: 50%;
    background: #cfd4da;
  }
  .session.online .dot {
    background: #1e9e4a;
  }
  .create {
    display: flex;
    gap: 6px;
    justify-content: flex-end;
  }
  .create select {
    width: auto;
  }
  .timeline {
    flex: 1;
    overflow-y: auto;
    list-style: none;
    margin: 0;
    padding: 12px 16px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .entry {
    background: #fff;
    border: 1px solid #e3e7ec;
    border-left: 3px solid #cfd4da;
    border-radius: 6px;
    padding: 7px 10px;
  }
  .k-mail_in {
    border-left-color: #2456d6;
  }
  .k-mail_out {
    border-left-color: #1e9e4a;
  }
  .k-note {
    border-left-color: #e0b400;
    background: #fffdf3;
  }
  .k-session {
    border-left-color: #6b2fb3;
  }
  .k-rule {
    border-left-color: #9a3b00;
  }
  .head {
    display: flex;
    gap: 8px;
    color: #5b6470;
    font-size: 12px;
  }
  .kind {
    font-weight: 700;
    color: #3d4652;
  }
  .at {
    margin-left: auto;
  }
  .summary {
    font-weight: 600;
    margin-top: 2px;
    overflow-wrap: anywhere;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin-top: 4px;
    color: #1b1f24;
  }
  .file {
    display: inline-block;
    margin: 4px 8px 0 0;
    font-size: 12px;
  }
  .link code {
    overflow-wrap: anywhere;
  }
  .reply {
    border-top: 1px solid #dde2e8;
    background: #fff;
    padding: 10px 16px;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .reply .row {
    display: flex;
    justify-content: flex-end;
    align-items: center;
    gap: 10px;
  }
  .to {
    font-weight: 400;
  }
  dialog {
    width: min(560px, calc(100vw - 32px));
  }
  dialog form {
    display: grid;
    gap: 8px;
  }
`;
