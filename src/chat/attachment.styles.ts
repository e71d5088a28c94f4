/**
 * Styles of attachments in the chat panel: previews, file chips and uploads. Part of the lazy
 * attachment chunk, adopted into the panel when it loads.
 */
import { css } from 'lit';

/** Constructable stylesheet for the attachment parts. */
export const attachmentStyles = css`
  button.attachment {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    display: flex;
    max-width: 100%;
    border-radius: 8px;
  }
  button.attachment:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: 1px;
  }
  button.attachment.image img {
    display: block;
    max-width: 100%;
    max-height: 220px;
    width: auto;
    height: auto;
    border-radius: 8px;
    background: #e9ecf1;
  }
  .placeholder {
    display: block;
    padding: 24px 18px;
    font-size: 12px;
    border-radius: 8px;
    background: rgba(0, 0, 0, 0.08);
  }
  button.attachment.file {
    gap: 8px;
    align-items: center;
    padding: 8px 10px;
    background: rgba(255, 255, 255, 0.16);
    border: 1px solid rgba(0, 0, 0, 0.12);
  }
  .msg.technician button.attachment.file {
    background: #f3f6ff;
    border-color: #d5def5;
  }
  button.attachment.file .icon {
    font-size: 16px;
  }
  button.attachment.file .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  button.attachment.file .size {
    font-size: 11px;
    opacity: 0.8;
    white-space: nowrap;
  }
  .msg .attachment + .text {
    display: block;
    margin-top: 6px;
  }
  ul.uploads {
    list-style: none;
    margin: 0;
    padding: 6px 10px 0;
    background: #fff;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  li.upload {
    display: flex;
    align-items: center;
    gap: 8px;
    font-size: 12px;
  }
  li.upload .name {
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  li.upload progress {
    flex: 1;
    min-width: 60px;
    height: 6px;
    accent-color: var(--porthole-accent, #2456d6);
  }
  li.upload.failed .why {
    flex: 1;
    color: #b42318;
  }
`;
