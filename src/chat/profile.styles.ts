/**
 * Styles of the pre-chat form and the offline "leave a message" form; adopted with the chat's own.
 */
import { css } from 'lit';

/** Constructable stylesheet for the profile forms. */
export const profileStyles = css`
  form.prechat,
  .offline {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 12px 14px;
    border-top: 1px solid #eef0f2;
    background: #fff;
    overflow-y: auto;
    flex: 1 1 auto;
    min-height: 0;
  }
  .log.compact {
    display: none;
  }
  .offline p,
  form.prechat p {
    margin: 0;
    font-size: 13px;
  }
  .reason {
    color: #3d4450;
  }
  .hint {
    font-size: 12px;
    color: #5b6470;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .field label {
    font-size: 13px;
    font-weight: 600;
  }
  .req {
    color: #b42318;
  }
  .field input,
  .field textarea {
    font: inherit;
    padding: 7px 10px;
    border: 1px solid #cfd4da;
    border-radius: 8px;
    background: #fff;
    color: inherit;
  }
  .field input:focus,
  .field textarea:focus {
    outline: 2px solid #8fb0ff;
    border-color: transparent;
  }
  .field [aria-invalid='true'] {
    border-color: #b42318;
  }
  .field-error {
    font-size: 12px;
    color: #b42318;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
