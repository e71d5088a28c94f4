/**
 * Fixed data for the console tests: sessions, messages, activity and permission requests built
 * from a few fields, and fake session commands that record what the components send.
 */
import type {
  ActivityView,
  Capability,
  MessageView,
  PermissionView,
  Result,
  SessionAction,
  SessionSummary,
  TechnicianRef,
} from '../../src/protocol/index.js';
import type { SessionCommands } from '../../demo/console/state/session-commands.js';

export const alex: TechnicianRef = { id: 't-alex', name: 'Alex' };
export const sam: TechnicianRef = { id: 't-sam', name: 'Sam' };
export const kim: TechnicianRef = { id: 't-kim', name: 'Kim' };

/** A session of channel `ch-1`, active and owned by Alex unless overridden. */
export function session(over: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id: 's-1',
    channelId: 'ch-1',
    channelName: 'Website',
    status: 'active',
    origin: 'visitor',
    visitorLabel: 'Visitor 3F2A',
    owner: alex,
    participants: [],
    lastSeq: 0,
    createdAt: 1_000,
    updatedAt: 1_000,
    expiresAt: 10_000_000,
    lastMessage: null,
    unread: 0,
    ...over,
  };
}

/** A visitor message. */
export function message(seq: number, sessionId = 's-1'): MessageView {
  return {
    id: `m-${seq}`,
    sessionId,
    seq,
    clientId: `client-${seq}-xxxx`,
    author: { kind: 'visitor' },
    text: `#${seq}`,
    createdAt: 2_000 + seq,
  };
}

/** An activity line. */
export function activity(id: string, at: number, sessionId = 's-1'): ActivityView {
  return {
    id,
    sessionId,
    at,
    actor: { kind: 'technician', id: alex.id, name: alex.name },
    action: 'session.taken',
    summary: `entry ${id}`,
  };
}

/** A permission request. */
export function permission(over: Partial<PermissionView> = {}): PermissionView {
  return {
    id: 'p-1',
    sessionId: 's-1',
    capability: 'view',
    status: 'pending',
    requestedBy: alex,
    organisation: 'Website',
    requestedAt: Date.now(),
    expiresAt: Date.now() + 90_000,
    answeredAt: null,
    ...over,
  };
}

/** Session commands that record calls and answer with scripted results. */
export class FakeCommands implements SessionCommands {
  readonly acts: SessionAction[] = [];
  readonly requests: Capability[] = [];
  actResult: Result<unknown> = { ok: true, value: null };
  readonly sent: { sessionId: string; text: string; internal: boolean }[] = [];
  readonly typed: boolean[] = [];
  readonly retried: string[] = [];
  readonly invited: { sessionId: string; to: string; subject: string; text: string }[] = [];

  send(sessionId: string, text: string, _attachmentId?: string): Promise<Result<unknown>> {
    this.sent.push({ sessionId, text, internal: false });
    return Promise.resolve({ ok: true, value: null });
  }

  sendNote(sessionId: string, text: string): Promise<Result<unknown>> {
    this.sent.push({ sessionId, text, internal: true });
    return Promise.resolve({ ok: true, value: null });
  }

  retry(clientId: string): Promise<Result<unknown>> {
    this.retried.push(clientId);
    return Promise.resolve({ ok: true, value: null });
  }

  discard(): void {}

  inviteByEmail(sessionId: string, to: string, subject: string, text: string) {
    this.invited.push({ sessionId, to, subject, text });
    return Promise.resolve({
      ok: true as const,
      value: {
        id: 'mail-1',
        ticketId: 't-1',
        direction: 'out' as const,
        status: 'outbox' as const,
        from: 'desk@x',
        to,
        subject,
        text,
        messageId: '<m@x>',
        at: 1,
      },
    });
  }

  typing(_sessionId: string, hasText: boolean): void {
    this.typed.push(hasText);
  }

  act(_sessionId: string, action: SessionAction): Promise<Result<unknown>> {
    this.acts.push(action);
    return Promise.resolve(this.actResult);
  }

  requestPermission(sessionId: string, capability: Capability): Promise<Result<PermissionView>> {
    this.requests.push(capability);
    return Promise.resolve({ ok: true, value: permission({ sessionId, capability }) });
  }

  directory() {
    return Promise.resolve({
      ok: true as const,
      value: {
        channels: [
          {
            id: 'ch-2',
            key: 'billing',
            name: 'Billing',
            expirationMinutes: 60,
            allowedOrigins: [],
            siteUrl: '',
            downloadLinks: {},
            attachmentMaxBytes: 10 * 1024 * 1024,
            members: [],
          },
        ],
        technicians: [alex, sam, kim],
      },
    });
  }
}
