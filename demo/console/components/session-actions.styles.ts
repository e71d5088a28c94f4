/**
 * Styles of `<session-actions>`.
 */
import { css } from 'lit';

export const sessionActionsStyles = css`
  :host {
    display: block;
    padding: 8px 20px;
    background: #fff;
    border-bottom: 1px solid #dde2e8;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  /* Compact, so a full set of actions fits on one line beside the chat. */
  .bar button {
    padding: 4px 10px;
    font-size: 13px;
  }
  .group.end {
    margin-left: auto;
  }
  .error,
  .success {
    margin-top: 8px;
    font-size: 13px;
  }
  .error {
    padding: 6px 10px;
    border-radius: 8px;
    background: #fef3f2;
    border: 1px solid #f1b5ae;
  }
  dialog invitation-details {
    margin-bottom: 14px;
  }
`;
