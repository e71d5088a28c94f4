/**
 * Styles of the panel's parts beyond the conversation: the permission prompt and granted list, the
 * notices and banners, the PIN form and the support code card; adopted with the chat's own styles.
 */
import { css } from 'lit';

/** Constructable stylesheet for the prompt, notices, banners, and tools. */
export const partStyles = css`
  :host > :not(.log) {
    flex-shrink: 0;
  }
  h3 {
    margin: 0;
    font-size: 14px;
    font-weight: 600;
  }
  button.primary,
  button.secondary {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    padding: 6px 14px;
    border-radius: 8px;
    font-weight: 600;
    text-align: center;
  }
  button.primary {
    background: var(--porthole-accent, #2456d6);
    color: #fff;
  }
  button.secondary {
    background: #fff;
    color: #1b1f24;
    border: 1px solid #cfd4da;
  }
  button.primary:focus-visible,
  button.secondary:focus-visible,
  button.link:focus-visible,
  button.stop:focus-visible,
  button.dismiss:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: 1px;
  }
  button[disabled] {
    opacity: 0.55;
    cursor: default;
  }
  .prompt {
    margin: 10px;
    padding: 12px 14px;
    border: 2px solid var(--porthole-accent, #2456d6);
    border-radius: 12px;
    background: #f3f6ff;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .prompt:focus {
    outline: none;
  }
  .prompt:focus-visible {
    outline: 3px solid #8fb0ff;
  }
  .prompt p {
    margin: 0;
  }
  .prompt .hint {
    font-size: 12px;
    color: #5b6470;
  }
  .prompt-actions {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-top: 4px;
  }
  .countdown {
    flex: 1;
    font-size: 12px;
    color: #5b6470;
    font-variant-numeric: tabular-nums;
  }
  .granted {
    padding: 8px 14px;
    background: #fffbeb;
    border-bottom: 1px solid #f4e4b0;
    font-size: 12px;
  }
  .granted h3 {
    font-size: 12px;
    color: #7a5b00;
  }
  .granted ul {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
  }
  .granted li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 2px 0;
  }
  button.stop {
    all: unset;
    cursor: pointer;
    padding: 2px 10px;
    border-radius: 6px;
    background: #b42318;
    color: #fff;
    font-weight: 600;
  }
  .notice {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    padding: 8px 14px;
    font-size: 12px;
    background: #fef3f2;
    color: #b42318;
    border-top: 1px solid #fcd9d5;
  }
  .notice span {
    flex: 1;
  }
  button.dismiss {
    all: unset;
    cursor: pointer;
    padding: 0 4px;
    font-size: 16px;
    line-height: 1;
  }
  .banner {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
    padding: 12px 14px;
    border-top: 1px solid #eef0f2;
    background: #fff;
    text-align: center;
  }
  .banner p {
    margin: 0;
    color: #3d4550;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 4px 12px;
    padding: 0 12px 10px;
    background: #fff;
  }
  button.link {
    all: unset;
    cursor: pointer;
    font-size: 12px;
    color: #5b6470;
    text-decoration: underline;
    text-underline-offset: 2px;
    white-space: nowrap;
  }
  button.link:hover {
    color: var(--porthole-accent, #2456d6);
  }
  .card {
    margin: 0 10px 10px;
    padding: 10px 12px;
    border: 1px solid #e1e4e8;
    border-radius: 10px;
    background: #f6f7f9;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .card .row {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .card h3 {
    flex: 1;
  }
  .card p {
    margin: 0;
  }
  .pin label {
    font-size: 12px;
    color: #3d4550;
  }
  .pin input {
    flex: 1;
    min-width: 0;
    font: inherit;
    font-size: 16px;
    letter-spacing: 0.12em;
    padding: 6px 10px;
    border: 1px solid #cfd4da;
    border-radius: 8px;
  }
  .pin input:focus {
    outline: 2px solid #8fb0ff;
    border-color: transparent;
  }
  .error {
    font-size: 12px;
    color: #b42318;
  }
  .error .detail {
    display: block;
    margin-top: 2px;
    color: #5b6470;
  }
  .code .digits {
    font-size: 30px;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: #1b1f24;
    white-space: nowrap;
  }
  .code .explain {
    font-size: 12px;
    color: #5b6470;
    text-align: center;
  }
`;
