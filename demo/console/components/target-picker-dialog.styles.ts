/**
 * Styles of `<target-picker-dialog>`.
 */
import { css } from 'lit';

export const targetPickerStyles = css`
  fieldset {
    display: flex;
    gap: 18px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 6px;
    font-weight: 600;
    font-size: 13px;
  }
`;
