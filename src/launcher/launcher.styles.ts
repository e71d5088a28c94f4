/**
 * The launcher's styles, as a constructable stylesheet (adoptedStyleSheets): no inline `<style>`, so
 * a strict `style-src 'self'` policy holds.
 */
export const launcherCss = `
:host {
  all: initial;
  position: fixed;
  right: var(--porthole-offset-x, 20px);
  bottom: var(--porthole-offset-y, 20px);
  z-index: var(--porthole-z-index, 2147483000);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1b1f24;
}
.launch {
  all: unset;
  box-sizing: border-box;
  position: relative;
  display: grid;
  place-items: center;
  width: 56px;
  height: 56px;
  border-radius: 50%;
  background: var(--porthole-accent, #2456d6);
  color: #fff;
  cursor: pointer;
  box-shadow: 0 6px 20px rgb(0 0 0 / 0.25);
  transition: transform 120ms ease;
}
.launch:hover { transform: scale(1.05); }
.launch:focus-visible { outline: 3px solid #8fb0ff; outline-offset: 3px; }
.launch svg { width: 28px; height: 28px; fill: currentColor; }
.badge {
  position: absolute;
  top: -4px;
  right: -4px;
  min-width: 20px;
  height: 20px;
  padding: 0 5px;
  box-sizing: border-box;
  border-radius: 10px;
  background: #d92d20;
  color: #fff;
  font-size: 12px;
  font-weight: 600;
  line-height: 20px;
  text-align: center;
}
.badge[hidden] { display: none; }
.panel {
  position: absolute;
  right: 0;
  bottom: 68px;
}
.panel[hidden] { display: none; }
`;
