/**
 * Styles of `<ticket-overview>`.
 */
import { css } from 'lit';

export const overviewStyles = css`
  :host {
    display: block;
    padding: 14px 16px;
    font-size: 13px;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 6px 10px;
    margin-bottom: 10px;
  }
  header h2 {
    margin: 0;
    font-size: 16px;
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .ref {
    color: #5b6470;
    font-weight: 600;
  }
  section {
    border-top: 1px solid #eef1f4;
    padding: 10px 0;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 13px;
  }
  .grid {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
  }
  .grid .wide {
    grid-column: span 2;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-bottom: 6px;
  }
  .inline-form {
    display: flex;
    gap: 6px;
  }
  .customer {
    display: grid;
    gap: 6px;
  }
  .customer button {
    justify-self: start;
  }
  .description {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0 0 4px;
  }
  .notes {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  .notes li {
    background: #fffbea;
    border: 1px solid #f3e3a3;
    border-radius: 6px;
    padding: 6px 8px;
  }
  .note-head {
    color: #5b6470;
    font-size: 12px;
  }
  .note-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  form textarea {
    width: 100%;
    margin-bottom: 6px;
  }
`;
