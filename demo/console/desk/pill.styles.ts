/**
 * Status, priority and tag pills of the desk pages.
 */
import { css } from 'lit';

export const pillStyles = css`
  .pill {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: 12px;
    font-weight: 600;
    background: #eef1f4;
    color: #3d4652;
    white-space: nowrap;
  }
  .st-open {
    background: #e8efff;
    color: #2443a0;
  }
  .st-processing {
    background: #fff4e5;
    color: #7a4a00;
  }
  .st-waiting {
    background: #f4ebff;
    color: #6b2fb3;
  }
  .st-closed {
    background: #eef1f4;
    color: #5b6470;
  }
  .pr-low {
    background: #eef1f4;
    color: #5b6470;
  }
  .pr-medium {
    background: #e6f4ea;
    color: #1e6b35;
  }
  .pr-high {
    background: #fff4e5;
    color: #9a3b00;
  }
  .pr-urgent {
    background: #fef3f2;
    color: #b42318;
  }
  .tag {
    display: inline-block;
    padding: 0 6px;
    border: 1px solid #cfd4da;
    border-radius: 4px;
    font-size: 12px;
    color: #3d4652;
    margin: 1px 0;
  }
`;
