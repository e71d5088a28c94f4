/**
 * rrweb's Replayer in live mode, in its sandboxed iframe without scripts (SPEC.md C-9). The only
 * module of the console that imports `@rrweb/replay` (~125 kB gzip): it is a chunk of its own,
 * fetched by {@link loadReplayer} when a live view first needs it, never with the console.
 */
import { Replayer } from '@rrweb/replay';
import type { ReplayerHost } from './replayer-loader.js';

/** Starts a live replay into `root` on the console's clock at `baseline`. */
export function createReplayer(root: HTMLElement, baseline: number, resized: (width: number, height: number) => void): ReplayerHost {
  const replayer = new Replayer([], {
    root,
    liveMode: true,
    mouseTail: false,
    triggerFocus: false,
    showWarning: false,
    showDebug: false,
    UNSAFE_replayCanvas: false,
    // Batches that waited for this chunk play at once ("sync"): with the virtual DOM their changes
    // would stay in it until some later event, so an idle page would show its first snapshot only.
    useVirtualDom: false,
    insertStyleRules: ['.rr-block { background: repeating-linear-gradient(45deg, #e4e7ec 0 8px, #f2f4f7 8px 16px) !important; }'],
  });
  replayer.on('resize', (d) => {
    const { width, height } = d as { width: number; height: number };
    resized(width, height);
  });
  replayer.startLive(baseline);
  return {
    addEvent: (e) => replayer.addEvent(e),
    nodeIdAt(x, y) {
      const el = replayer.iframe.contentDocument?.elementFromPoint(x, y);
      const id = el ? replayer.getMirror().getId(el) : -1;
      return id > 0 ? id : null;
    },
    node: (id) => replayer.getMirror().getNode(id),
    idOf: (node) => replayer.getMirror().getId(node),
    destroy: () => replayer.destroy(),
  };
}
