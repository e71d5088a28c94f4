/**
 * Pure helpers over the permission requests the widget knows about: merging answers and facts that
 * may arrive in any order, local expiry, and what the panel prompts for or lists as granted.
 */
import type { Capability, PermissionStatus, PermissionView } from '../protocol/views.js';

// A request only moves forward: pending, then granted, then an end state. A late ack or a replayed
// fact must not bring back a prompt the visitor already answered, or a capability they stopped.
const STAGE: Record<PermissionStatus, number> = { pending: 0, granted: 1, denied: 2, expired: 2, revoked: 2 };

/** Adds or updates permissions by id, never moving one back to an earlier stage. */
export function mergePermissions(current: readonly PermissionView[], incoming: readonly PermissionView[]): PermissionView[] {
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const p of incoming) {
    const known = byId.get(p.id);
    if (!known || STAGE[p.status] >= STAGE[known.status]) byId.set(p.id, p);
  }
  return [...byId.values()].sort((a, b) => a.requestedAt - b.requestedAt);
}

/**
 * Marks pending requests whose answer time has passed (server clock `now`) as expired. The server
 * does the same and announces it; this only closes the prompt on time when that fact is late.
 */
export function expirePermissions(current: PermissionView[], now: number): PermissionView[] {
  if (!current.some((p) => p.status === 'pending' && p.expiresAt <= now)) return current;
  return current.map((p) => (p.status === 'pending' && p.expiresAt <= now ? { ...p, status: 'expired' } : p));
}

/** The request to prompt for: the oldest one still pending, or null. */
export function promptedPermission(permissions: readonly PermissionView[]): PermissionView | null {
  return permissions.find((p) => p.status === 'pending') ?? null;
}

/** Granted permissions, one per capability (the latest), for the "Stop" list. */
export function grantedPermissions(permissions: readonly PermissionView[]): PermissionView[] {
  const byCapability = new Map<Capability, PermissionView>();
  for (const p of permissions) if (p.status === 'granted') byCapability.set(p.capability, p);
  return [...byCapability.values()];
}
