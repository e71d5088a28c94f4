/**
 * Styles shared by the console's components.
 */
import { css } from 'lit';

export const consoleStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    font:
      14px/1.45 system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    color: #1b1f24;
  }
  .topbar {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 0 18px;
    height: 52px;
    background: #14213d;
    color: #fff;
  }
  .brand {
    font-weight: 700;
    font-size: 17px;
    letter-spacing: 0.2px;
  }
  .spacer {
    flex: 1;
  }
  .who {
    opacity: 0.85;
    font-size: 13px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 8px;
    padding: 7px 14px;
    border: 1px solid transparent;
    background: #2456d6;
    color: #fff;
    font-weight: 600;
  }
  button.ghost {
    background: transparent;
    border-color: rgb(255 255 255 / 0.4);
    color: #fff;
    font-weight: 500;
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: 1px;
  }
`;
