/**
 * Styles of `<cobrowse-view>`, including the few rules rrweb's Replayer expects for its wrapper and
 * mouse (its own stylesheet would not reach into this shadow root).
 */
import { css } from 'lit';

export const cobrowseViewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: #fff;
    border-bottom: 1px solid #eef0f2;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px 20px;
    font-size: 13px;
    color: #3d4450;
  }
  .bar h3 {
    margin: 0;
    font-size: 13px;
    font-weight: 700;
  }
  .url {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 12px;
    color: #5b6470;
  }
  .size {
    font-size: 12px;
    color: #5b6470;
  }
  .state {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 10px;
    border-radius: 999px;
    font-size: 12px;
    font-weight: 600;
    background: #f2f4f7;
    color: #3d4450;
  }
  .state .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #98a2b3;
  }
  .state.live {
    background: #e7f8ef;
    color: #067647;
  }
  .state.live .dot {
    background: #12b76a;
    box-shadow: 0 0 0 3px rgb(18 183 106 / 0.2);
  }
  .state.stopped,
  .state.gone {
    background: #fef3f2;
    color: #b42318;
  }
  .state.stopped .dot,
  .state.gone .dot {
    background: #f04438;
  }
  .stage {
    position: relative;
    height: var(--cobrowse-height, 420px);
    margin: 0 20px 14px;
    border-radius: 10px;
    background: #1b1f24;
    overflow: hidden;
  }
  .stage.highlighting {
    cursor: crosshair;
  }
  .stage.controlling {
    cursor: pointer;
    box-shadow: 0 0 0 3px #2456d6;
  }
  .stage:focus-visible {
    outline: 3px solid #8fb0ff;
    outline-offset: 2px;
  }
  .control[aria-pressed='true'] {
    background: #eef3ff;
    border-color: #2456d6;
    color: #1d3f9e;
  }
  .control-note {
    margin: 0 20px 8px;
    font-size: 12px;
    color: #1d3f9e;
  }
  .control-note.refused {
    color: #b42318;
    font-weight: 600;
  }
  .highlight[aria-pressed='true'] {
    background: #fff4e5;
    border-color: #f79009;
    color: #93370d;
  }
  .viewport {
    position: absolute;
    top: 0;
    left: 0;
    transform-origin: 0 0;
  }
  .notice {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 20px;
    text-align: center;
    color: #e4e7ec;
    background: rgb(27 31 36 / 0.78);
  }
  option-picker {
    position: absolute;
    z-index: 2;
  }
  .notice[hidden] {
    display: none;
  }
  .replayer-wrapper {
    position: relative;
  }
  .replayer-wrapper > iframe {
    border: 0;
    background: #fff;
  }
  .replayer-mouse {
    position: absolute;
    width: 18px;
    height: 18px;
    margin: -9px 0 0 -9px;
    border-radius: 50%;
    border: 2px solid #fff;
    background: rgb(36 86 214 / 0.75);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.4);
    transition:
      left 0.05s linear,
      top 0.05s linear;
    pointer-events: none;
  }
  .replayer-mouse.active {
    background: rgb(229 72 77 / 0.85);
  }
`;
