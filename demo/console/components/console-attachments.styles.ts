/**
 * Styles of attachments in the console's conversation view.
 */
import { css } from 'lit';

export const consoleAttachmentStyles = css`
  a.attachment {
    display: inline-flex;
    max-width: 100%;
    margin-top: 4px;
    border-radius: 8px;
    color: inherit;
    text-decoration: none;
  }
  a.attachment.image img {
    display: block;
    max-width: min(100%, 360px);
    max-height: 260px;
    width: auto;
    height: auto;
    border-radius: 8px;
    background: #e9ecf1;
  }
  a.attachment.file {
    gap: 8px;
    align-items: center;
    padding: 8px 12px;
    background: #f3f6ff;
    border: 1px solid #d5def5;
  }
  a.attachment.file .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  a.attachment.file .size {
    font-size: 12px;
    color: #5b6470;
    white-space: nowrap;
  }
  a.attachment:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: 1px;
  }
  ul.uploads {
    list-style: none;
    margin: 0;
    padding: 6px 16px 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
    background: #fff;
  }
  li.upload {
    display: flex;
    align-items: center;
    gap: 10px;
    font-size: 13px;
  }
  li.upload .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 40%;
  }
  li.upload progress {
    flex: 1;
    height: 6px;
  }
  li.upload.failed .why {
    flex: 1;
    color: #b42318;
  }
  button.attach {
    align-self: stretch;
    display: grid;
    place-items: center;
    padding: 0 10px;
    background: #fff;
    color: #5b6470;
    border: 1px solid #cfd4da;
  }
  input[type='file'] {
    display: none;
  }
  :host([dragging]) .log {
    outline: 3px dashed #2456d6;
    outline-offset: -6px;
  }
`;
