/**
 * The live signals around chat: typing indicators (SPEC.md Y-1, relayed, never stored) and delivered
 * / read receipts (D-1, stored marks that only move forward and are announced when they move).
 */
import { ok, type MessagesSeen, type Result, type SessionRead, type TypingSet } from '../../../src/protocol/index.js';
import { technicianMayAct, visitorMayAct } from '../access-rules.js';
import type { Receipt, Session, Technician } from '../model.js';
import { isOpen } from '../session-rules.js';
import { receiptView } from '../views.js';
import type { ChatGates } from './chat-gates.js';
import { audienceOf } from './session-feed.js';
import type { TechnicianDeps } from './technician-chat.js';
import type { VisitorContext } from './visitor-chat.js';

/** Builds the signal operations of both sides. */
export function chatSignals({ store, publish }: TechnicianDeps, gates: ChatGates) {
  const techAccess = async (tech: Technician, sessionId: string) =>
    technicianMayAct(await store.findSession(sessionId), await store.listChannelIdsOf(tech.id), tech.id);

  /** Moves one side's marks (clamped to what exists) and announces them if they moved. */
  const advance = async (s: Session, side: Receipt['side'], delivered: number, read: number): Promise<Result<null>> => {
    const moved = await store.advanceReceipt(s.id, side, Math.min(delivered, s.lastSeq), Math.min(read, s.lastSeq));
    if (moved) publish.receiptUpdated(receiptView(moved), audienceOf(s));
    return ok(null);
  };

  return {
    /** Y-1: the visitor typing is shown to the session's technicians. Ended sessions stay quiet. */
    async visitorTyping(ctx: VisitorContext, p: TypingSet): Promise<Result<null>> {
      const found = visitorMayAct(ctx.visitor ? await store.findSession(p.sessionId) : undefined, ctx.visitor?.id ?? '');
      if (!found.ok) return found;
      const flooded = gates.typing.check(`visitor:${found.value.visitorId}`);
      if (flooded) return flooded;
      if (isOpen(found.value))
        publish.typingChanged({ sessionId: p.sessionId, who: { kind: 'visitor' }, typing: p.typing }, audienceOf(found.value));
      return ok(null);
    },

    /** Y-1: a technician typing is shown to the visitor and the session's other technicians. */
    async technicianTyping(tech: Technician, p: TypingSet): Promise<Result<null>> {
      const found = await techAccess(tech, p.sessionId);
      if (!found.ok) return found;
      const flooded = gates.typing.check(`technician:${tech.id}`);
      if (flooded) return flooded;
      if (isOpen(found.value)) {
        const who = { kind: 'technician' as const, id: tech.id, name: tech.name };
        publish.typingChanged({ sessionId: p.sessionId, who, typing: p.typing }, audienceOf(found.value));
      }
      return ok(null);
    },

    /** D-1: the visitor's widget received (and, with the panel open, showed) messages up to these seqs. */
    async visitorSeen(ctx: VisitorContext, p: MessagesSeen): Promise<Result<null>> {
      const found = visitorMayAct(ctx.visitor ? await store.findSession(p.sessionId) : undefined, ctx.visitor?.id ?? '');
      if (!found.ok) return found;
      return advance(found.value, 'visitor', p.delivered, p.read ?? 0);
    },

    /** D-1: a console received the visitor's messages up to `seq`. */
    async technicianDelivered(tech: Technician, p: SessionRead): Promise<Result<null>> {
      const found = await techAccess(tech, p.sessionId);
      if (!found.ok) return found;
      return advance(found.value, 'technicians', p.seq, 0);
    },

    /** D-1: a technician read up to `seq` (their read mark moved; see the chat service). */
    technicianRead: (s: Session, seq: number) => advance(s, 'technicians', seq, seq),
  };
}

/** The signals service. */
export type ChatSignals = ReturnType<typeof chatSignals>;
