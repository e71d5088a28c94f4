/**
 * A free TCP port on the loopback interface, for servers that must be told their port up front
 * (a server process's SMTP listener, Dovecot). Another process could take it in between; tests
 * accept that small race.
 */
import net from 'node:net';

/** Resolves with a port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
