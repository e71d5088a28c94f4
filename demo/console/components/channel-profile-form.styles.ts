/**
 * Styles of `<channel-profile-form>` and its sections.
 */
import { css } from 'lit';

export const channelProfileStyles = css`
  table {
    border-collapse: collapse;
    font-size: 13px;
  }
  th {
    text-align: left;
    font-weight: 600;
    color: #5b6470;
    padding: 2px 8px 4px 0;
  }
  td {
    padding: 3px 8px 3px 0;
  }
  td input:not([type='checkbox']) {
    width: 100%;
    min-width: 140px;
  }
  .add {
    align-self: flex-start;
  }
  .week {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  label.day {
    display: grid;
    grid-template-columns: 90px 1fr;
    align-items: center;
    gap: 8px;
    font-weight: 500;
  }
  .secret {
    display: block;
    overflow-wrap: anywhere;
    user-select: all;
    padding: 6px 8px;
  }
  .hint {
    margin: 0;
  }
`;
