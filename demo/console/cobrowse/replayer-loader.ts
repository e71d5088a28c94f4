/**
 * Fetches the replayer chunk on first need (SPEC.md C-15): the console's first load carries no
 * rrweb. One fetch serves every live view; a failed one is forgotten so the next view tries again.
 */

/** What the live replay needs of rrweb's Replayer, so nothing else imports it statically. */
export interface ReplayerHost {
  addEvent(event: { type: number; timestamp: number; data: unknown }): void;
  /** The recording's id of the element at viewport coordinates of the replayed page, if any. */
  nodeIdAt(x: number, y: number): number | null;
  /** The replayed node with the recording's id, if any. */
  node(id: number): Node | null;
  /** The recording's id of a replayed node, or -1. */
  idOf(node: Node): number;
  destroy(): void;
}

/** Starts a replayer into `root`; see `rrweb-replayer.ts`. */
export type CreateReplayer = (root: HTMLElement, baseline: number, resized: (width: number, height: number) => void) => ReplayerHost;

/** Loads the replayer's code; a test passes its own. */
export type ReplayerLoad = () => Promise<CreateReplayer>;

let loading: Promise<CreateReplayer> | null = null;

/** The replayer chunk, fetched once. */
export const loadReplayer: ReplayerLoad = () => {
  loading ??= import('./rrweb-replayer.js').then(
    (m) => m.createReplayer,
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
};
