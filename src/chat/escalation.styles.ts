/**
 * Styles of the support client's download prompt; adopted with the chat's own styles.
 */
import { css } from 'lit';

/** Constructable stylesheet for the download prompt. */
export const escalationStyles = css`
  .escalation {
    margin-top: 8px;
    border-color: var(--porthole-accent, #2456d6);
    background: #f3f6ff;
  }
  .escalation .explain {
    font-size: 12px;
    color: #3d4550;
  }
  .escalation a.download {
    display: block;
    box-sizing: border-box;
    padding: 8px 14px;
    border-radius: 8px;
    background: var(--porthole-accent, #2456d6);
    color: #fff;
    font-weight: 600;
    text-align: center;
    text-decoration: none;
  }
  .escalation a:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: 1px;
  }
  .escalation .others {
    font-size: 12px;
    color: #5b6470;
    text-align: center;
  }
  .escalation .others a {
    color: var(--porthole-accent, #2456d6);
  }
  .escalation code {
    font-size: 11px;
    background: #fff;
    border: 1px solid #e1e4e8;
    border-radius: 4px;
    padding: 0 3px;
  }
  .escalation .digits {
    font-size: 24px;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: #1b1f24;
  }
  .escalation button.link {
    align-self: center;
  }
`;
