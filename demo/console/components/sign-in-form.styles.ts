/**
 * Styles of `<sign-in-form>`.
 */
import { css } from 'lit';

export const signInStyles = css`
  :host {
    display: grid;
    place-items: center;
    min-height: 100%;
    padding: 24px;
    box-sizing: border-box;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 14px;
    width: min(360px, 100%);
    padding: 28px;
    background: #fff;
    border-radius: 14px;
    box-shadow: 0 8px 30px rgb(20 33 61 / 0.12);
  }
  h1 {
    margin: 0;
    font-size: 22px;
  }
  .hint {
    margin: -6px 0 4px;
    color: #5b6470;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-weight: 600;
    font-size: 13px;
  }
  input {
    font: inherit;
    font-weight: 400;
    padding: 9px 10px;
    border: 1px solid #cfd4da;
    border-radius: 8px;
  }
  .error {
    margin: 0;
    color: #b42318;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 10px;
    border: 0;
    border-radius: 8px;
    background: #2456d6;
    color: #fff;
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
  }
`;
