/**
 * Binds a namespace's commands to handlers: validate -> handler -> ack, for every event of a schema
 * table, plus an `unknown_event` answer for anything else. Handlers never see raw payloads.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type * as v from 'valibot';
import { EVENT_BYTE_LIMITS, fail, LIMITS, type Ack, type AckValueOf, type Result } from '../../../src/protocol/index.js';
import { validate } from '../validate.js';

/** One async handler per command, typed from the event map and the schema table. */
export type CommandHandlers<Commands, Schemas extends Record<keyof Commands, v.GenericSchema>> = {
  [K in keyof Commands]: (payload: v.InferOutput<Schemas[K]>) => Promise<Result<AckValueOf<Commands[K]>>>;
};

/** Wires `handlers` onto `socket` for every event in `schemas`. */
export function bindCommands<Commands, Schemas extends Record<keyof Commands, v.GenericSchema>>(
  socket: Socket,
  schemas: Schemas,
  handlers: CommandHandlers<Commands, Schemas>,
  log: FastifyBaseLogger,
): void {
  const known = new Set<string>(Object.keys(schemas));

  socket.onAny((event: string, ...args: unknown[]) => {
    if (known.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as Ack<never>)(fail('unknown_event', `Unknown event "${event.slice(0, 64)}".`));
  });

  for (const event of known) {
    const key = event as keyof Commands & string;
    socket.on(event, (...args: unknown[]) => {
      const ack = args.at(-1);
      // A command without an ack cannot be answered; doing it anyway would hide client bugs.
      if (typeof ack !== 'function') return;
      const reply = ack as (r: Result<unknown>) => void;
      const checked = validate(schemas[key], args.length > 1 ? args[0] : undefined, EVENT_BYTE_LIMITS[event] ?? LIMITS.eventBytes);
      if (!checked.ok) return reply(checked);
      handlers[key](checked.value).then(reply, (error: unknown) => {
        log.error({ err: error, event }, 'command failed');
        reply(fail('internal', 'Something went wrong on the server; please retry.'));
      });
    });
  }
}
