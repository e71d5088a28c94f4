/**
 * One socket write per connection per event-loop turn (server/transport/socket/write-coalescing.ts):
 * what a turn emits leaves in one write, in order, and nothing waits past the turn.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { after, before, test } from 'node:test';
import { Server, type Socket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { coalesceWrites } from '../../../server/transport/socket/write-coalescing.js';

const http = createServer();
const io = new Server(http, { serveClient: false });
coalesceWrites(io);
let url = '';

before(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
after(async () => {
  await io.close();
});

/** A client over WebSocket and its server-side socket, with the server's TCP writes counted. */
async function pair(): Promise<{ client: ClientSocket; server: Socket; writes: () => number }> {
  const serverSide = new Promise<Socket>((resolve) => io.once('connection', resolve));
  const client = connect(url, { transports: ['websocket'], reconnection: false });
  const server = await serverSide;
  await new Promise<void>((resolve) => (client.connected ? resolve() : client.once('connect', () => resolve())));
  const tcp = (server.conn as unknown as { transport: { socket: { _socket: TcpSocket } } }).transport.socket._socket;
  let writes = 0;
  // `_write` and `_writev` are where a stream's buffered writes reach the TCP socket.
  const streamImpl = tcp as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
  const [w, wv] = [streamImpl._write.bind(tcp), streamImpl._writev.bind(tcp)];
  streamImpl._write = (...a) => (writes++, w(...a));
  streamImpl._writev = (...a) => (writes++, wv(...a));
  return { client, server, writes: () => writes };
}

const received = (client: ClientSocket, event: string, count: number) =>
  new Promise<number[]>((resolve) => {
    const got: number[] = [];
    client.on(event, (n: number) => {
      got.push(n);
      if (got.length === count) resolve(got);
    });
  });

test('what one turn emits to a connection leaves in one write, in order', async () => {
  const { client, server, writes } = await pair();
  try {
    const all = received(client, 'n', 20);
    const before = writes();
    for (let n = 0; n < 20; n++) server.emit('n', n);
    assert.deepEqual(
      await all,
      Array.from({ length: 20 }, (_, n) => n),
    );
    assert.equal(writes() - before, 1);
  } finally {
    client.disconnect();
  }
});

test('emits of later turns are not held back, and arrive in the order they were made', async () => {
  const { client, server } = await pair();
  try {
    const all = received(client, 'n', 6);
    const emitted: number[] = [];
    const emit = (n: number) => (emitted.push(n), server.emit('n', n));
    // This turn, the next turn's check phase, and the microtask and tick queues of that turn.
    emit(0);
    setImmediate(() => {
      emit(1);
      void Promise.resolve().then(() => emit(2));
      process.nextTick(() => emit(3));
      setImmediate(() => (emit(4), emit(5)));
    });
    assert.deepEqual(await all, emitted);
    assert.equal(emitted.length, 6);
  } finally {
    client.disconnect();
  }
});

test('an emit just before the server disconnects the client still arrives first', async () => {
  const { client, server } = await pair();
  const order: string[] = [];
  const done = new Promise<void>((resolve) => {
    client.on('bye', () => order.push('bye'));
    client.on('disconnect', () => {
      order.push('disconnect');
      resolve();
    });
  });
  server.emit('bye');
  server.disconnect(true);
  await done;
  assert.deepEqual(order, ['bye', 'disconnect']);
});
