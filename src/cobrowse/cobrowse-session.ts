/**
 * The co-browse chunk, imported only after the visitor allowed `view` (SPEC.md C-7): starts rrweb's
 * recorder with the privacy settings, scrubs every event, batches and sends it, shows the "being
 * viewed" bar, and stops everything at once when asked.
 */
import { record } from '@rrweb/record';
import type { CobrowseFrame } from '../protocol/cobrowse.js';
import type { ControlAnswer } from '../protocol/cobrowse-control.js';
import { Batcher } from './batcher.js';
import { isBlockedEvent } from './blocked-filter.js';
import { BLOCK_SELECTOR, MASK_INPUT_OPTIONS, MASK_TEXT_SELECTOR, maskText } from './privacy.js';
import { scrubEvent } from './scrub.js';
import type { GuideOverlay } from './guide-overlay.js';
import { defineViewingBar, type ViewingBar } from './viewing-bar.js';

/** A snapshot younger than this is fresh enough for a new watcher (SPEC.md C-3). */
export const FRESH_SNAPSHOT_MS = 500;

/** What starting a recording needs. */
export interface CobrowseOptions {
  sessionId: string;
  /** Name of the technician who asked, for the bar. */
  technician: string;
  /** Sends one frame to the server. */
  send(frame: CobrowseFrame): void;
  /** The visitor pressed Stop on the bar. */
  onStop(): void;
}

/** A running recording. */
export interface CobrowseHandle {
  /** Records a new full snapshot (a technician started watching). */
  snapshot(): void;
  /** Shows the technician's named pointer at viewport coordinates, or outlines the element with this recording id (C-11). */
  guide(fact: { technician: string } & ({ x: number; y: number } | { nodeId: number })): void;
  /**
   * Carries out a technician's command aimed at this recording (C-13); the caller checked the
   * visitor's `control` grant. A command for another recording is `elsewhere`.
   */
  control(command: unknown): Promise<ControlAnswer>;
  /** Stops recording and sending, removes the bar; safe to call twice. */
  stop(): void;
}

/** Starts recording the page. Never throws into the page: a failure stops quietly. */
export function startCobrowse(options: CobrowseOptions): CobrowseHandle {
  // Short: it rides in every frame's header.
  const recording = crypto.randomUUID().slice(0, 8);
  const batcher = new Batcher(options.sessionId, recording, (frame) => options.send(frame));
  defineViewingBar();
  const bar = document.createElement('porthole-viewing-bar') as ViewingBar;
  bar.technician = options.technician;
  bar.addEventListener('porthole-stop-viewing', () => options.onStop());
  document.documentElement.append(bar);
  // Defined by its chunk on the first pointer or highlight; until then an inert element.
  const guide = document.createElement('porthole-guide') as GuideOverlay;
  document.documentElement.append(guide);

  let stopped = false;
  // Recording starts with a full snapshot; asks right after one (a reconnect, new watchers) are
  // spaced out to one per FRESH_SNAPSHOT_MS, since each costs a whole page on both ends.
  let lastFull = 0;
  let deferred: ReturnType<typeof setTimeout> | null = null;
  const lookup = (id: number) => record.mirror.getNode(id);
  const stopRecording = record({
    emit: (event) => {
      if (!stopped && !isBlockedEvent(event, lookup)) batcher.push(scrubEvent(event, lookup));
    },
    maskAllInputs: true,
    maskInputOptions: { ...MASK_INPUT_OPTIONS },
    maskInputFn: (text) => maskText(text),
    maskTextFn: (text) => maskText(text),
    maskTextSelector: MASK_TEXT_SELECTOR,
    blockSelector: BLOCK_SELECTOR,
    recordCanvas: false,
    collectFonts: false,
    inlineImages: false,
    recordCrossOriginIframes: false,
    sampling: { mousemove: 50, scroll: 100, input: 'last' },
    slimDOMOptions: { script: true, comment: true, headFavicon: true, headMetaSocial: true, headMetaRobots: true },
    errorHandler: () => true,
  });
  lastFull = performance.now();

  return {
    snapshot() {
      // Asked again soon after one: deferred, not dropped, since a watcher who joined after that
      // snapshot left never saw it; all asks within the wait share the one snapshot.
      if (stopped || deferred) return;
      const take = () => {
        deferred = null;
        if (stopped) return;
        lastFull = performance.now();
        record.takeFullSnapshot(true);
      };
      const wait = lastFull + FRESH_SNAPSHOT_MS - performance.now();
      if (wait <= 0) take();
      else deferred = setTimeout(take, wait);
    },
    guide(fact) {
      if (stopped) return;
      void import('./guide-overlay.js').then((m) => {
        m.defineGuideOverlay();
        if (stopped) return;
        if ('nodeId' in fact) guide.highlight(record.mirror.getNode(fact.nodeId));
        else guide.point(fact.technician, fact.x, fact.y);
      });
    },
    async control(command) {
      // A chunk of its own: only a visitor who also grants control needs it.
      const { isControlCommand, performControl } = await import('./remote-control.js');
      // The server checked it already; a page trusts no socket with its DOM all the same.
      if (stopped || !isControlCommand(command) || command.recording !== recording) return { status: 'elsewhere' };
      return performControl(record.mirror.getNode(command.nodeId), command.action);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (deferred) clearTimeout(deferred);
      stopRecording?.();
      batcher.stop();
      bar.remove();
      guide.remove();
    },
  };
}
