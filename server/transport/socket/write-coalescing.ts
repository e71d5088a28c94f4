/**
 * One socket write per connection per event-loop turn. engine.io writes each packet as soon as it
 * is made, and on loopback or a fast network each write is its own system call, which costs more
 * than everything else about a chat message (a message makes three packets at least: the echo to
 * the visitor's room, the broadcast to the consoles, the ack). Here each connection's packets wait
 * for the end of the current turn and leave together, in one write; a console watching many
 * sessions gets all of a turn's messages in one write too. Order is kept: packets leave in the
 * order they were made, and they wait for nothing but the turn.
 */
import type { Server } from 'socket.io';

/** The part of an engine.io socket this touches: its flush, and the TCP socket under a WebSocket. */
interface EngineSocket {
  flush(): void;
  transport?: { socket?: { _socket?: { cork(): void; uncork(): void } } };
}

/** Makes every connection of `io` write once per turn. */
export function coalesceWrites(io: Server): void {
  io.engine.on('connection', (raw: EngineSocket) => {
    const flushNow = raw.flush.bind(raw);
    let queued = false;
    const flushQueued = () => {
      queued = false;
      // ws writes each frame on its own; corked, the frames of this flush leave in one writev.
      const tcp = raw.transport?.socket?._socket;
      tcp?.cork();
      try {
        flushNow();
      } finally {
        tcp?.uncork();
      }
    };
    raw.flush = () => {
      if (queued) return;
      queued = true;
      setImmediate(flushQueued);
    };
  });
}
