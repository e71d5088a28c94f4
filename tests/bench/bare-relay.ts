/**
 * The benchmark's baseline: a bare socket.io server that relays `message:send` from the widget
 * namespace to every console socket and acks, with no validation, storage or rules. Prints its port.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
const consoles = io.of('/console');
io.of('/widget').on('connection', (socket) => {
  let seq = 0;
  socket.on('session:start', (_p: unknown, ack: (r: unknown) => void) =>
    ack({ ok: true, value: { token: '', session: { id: socket.id } } }),
  );
  socket.on('message:send', (p: { sessionId: string; clientId: string; text: string }, ack: (r: unknown) => void) => {
    const message = {
      id: p.clientId,
      sessionId: p.sessionId,
      seq: ++seq,
      clientId: p.clientId,
      author: { kind: 'visitor' },
      text: p.text,
      createdAt: Date.now(),
    };
    consoles.emit('message:created', message);
    ack({ ok: true, value: message });
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
