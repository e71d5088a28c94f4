/**
 * The desk's {@link DeskPublisher} over socket.io: ticket facts go to the technician rooms of
 * exactly those who may see the ticket (K-9).
 */
import type { Namespace } from 'socket.io';
import type { ConsoleFacts } from '../../../src/protocol/index.js';
import type { DeskPublisher } from '../../core/desk/desk-ports.js';
import { technicianRoom } from './rooms.js';

/** Broadcasts ticket facts to consoles. */
export function socketDeskPublisher(consoleNs: Namespace<object, ConsoleFacts>): DeskPublisher {
  const to = (ids: string[]) => (ids.length ? consoleNs.to(ids.map(technicianRoom)) : null);
  return {
    ticketChanged(ticket, ids) {
      to(ids)?.emit('ticket:changed', ticket);
    },
    timelineCreated(entry, ids) {
      to(ids)?.emit('timeline:created', entry);
    },
  };
}
