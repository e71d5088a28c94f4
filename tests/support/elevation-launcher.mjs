#!/usr/bin/env node
/**
 * A stand-in for sudo or pkexec in the elevation test (PORTHOLE_ELEVATE_WITH points here): like
 * pkexec asking polkit, it asks a privileged broker (the test, running as root) to start the command
 * line it was given, and exits with that command's exit code. Plain JavaScript, so a standard user's
 * node runs it without the test's loaders.
 */
import net from 'node:net';

const socket = net.connect(process.env.PORTHOLE_TEST_ELEVATION_BROKER ?? '');
let answer = '';
socket.on('data', (b) => (answer += b.toString('utf8')));
socket.on('end', () => process.exit(Number.parseInt(answer, 10) || 0));
socket.on('error', (e) => {
  process.stderr.write(`elevation refused: ${e.message}\n`);
  process.exit(1);
});
socket.write(`${JSON.stringify(process.argv.slice(2))}\n`);
