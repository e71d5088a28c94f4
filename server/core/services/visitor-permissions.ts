/**
 * The visitor's side of permission requests: answer within the window, or stop a grant later.
 */
import { fail, ok, type Capability, type PermissionView, type Result } from '../../../src/protocol/index.js';
import { CAPABILITY_WORDS } from '../activity-text.js';
import { visitorMayAct } from '../access-rules.js';
import type { Permission } from '../model.js';
import { answerPermission, currentOf, revokePermission } from '../permission-rules.js';
import { permissionView } from '../views.js';
import { audienceOf, sessionFeed } from './session-feed.js';
import type { VisitorContext, VisitorDeps } from './visitor-chat.js';

/** Builds the visitor's permission operations. */
export function visitorPermissions(deps: VisitorDeps) {
  const { store, env, publish } = deps;
  const feed = sessionFeed(deps);

  const settle = async (before: Permission, after: Permission): Promise<Result<PermissionView>> => {
    if (!(await store.updatePermission(after.id, before.status, { status: after.status, answeredAt: after.answeredAt }))) {
      return fail('invalid_payload', 'This request was answered meanwhile.');
    }
    const session = await store.findSession(after.sessionId);
    if (session) {
      publish.permissionUpdated(permissionView(after), audienceOf(session));
      await feed.log(session, { kind: 'visitor' }, `permission.${after.status}`, CAPABILITY_WORDS[after.capability]);
    }
    return ok(permissionView(after));
  };

  return {
    /** G-2, G-3: Allow or Deny, while the request is pending and in time. */
    async answer(ctx: VisitorContext, p: { permissionId: string; allow: boolean }): Promise<Result<PermissionView>> {
      const permission = await store.findPermission(p.permissionId);
      if (!permission || !ctx.visitor) return fail('not_found', 'No such request.');
      const access = visitorMayAct(await store.findSession(permission.sessionId), ctx.visitor.id);
      if (!access.ok) return fail('not_found', 'No such request.');
      const answered = answerPermission(permission, p.allow, env.now());
      if (!answered.ok) return answered;
      return settle(permission, answered.value);
    },

    /** G-4: stops a granted capability; answers null when nothing was granted. */
    async revoke(ctx: VisitorContext, p: { sessionId: string; capability: Capability }): Promise<Result<PermissionView | null>> {
      if (!ctx.visitor) return fail('not_found', 'No such session.');
      const access = visitorMayAct(await store.findSession(p.sessionId), ctx.visitor.id);
      if (!access.ok) return access;
      const current = currentOf(await store.listPermissions(p.sessionId), p.capability, env.now());
      if (current?.status !== 'granted') return ok(null);
      const revoked = revokePermission(current, env.now());
      if (!revoked.ok) return revoked;
      return settle(current, revoked.value);
    },
  };
}

/** The visitor permission service. */
export type VisitorPermissions = ReturnType<typeof visitorPermissions>;
