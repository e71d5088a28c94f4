/**
 * Console sign-in: password check, session tokens, and the first admin account.
 */
import { fail, ok, type Login, type Result, type TechnicianView } from '../../../src/protocol/index.js';
import { newChannel } from '../channel-rules.js';
import type { Technician } from '../model.js';
import type { Env, PasswordHasher, Store } from '../ports.js';

/** How long a console sign-in lasts. */
export const AUTH_SESSION_MS = 12 * 60 * 60 * 1000;

/** Key of the channel created on first start, used by the demo site. */
export const DEFAULT_CHANNEL_KEY = 'demo';

/** Dependencies of the auth service. */
export interface TechnicianAuthDeps {
  store: Store;
  env: Env;
  hasher: PasswordHasher;
}

/** The console's view of a technician. */
export function technicianView(t: Technician): TechnicianView {
  return { id: t.id, email: t.email, name: t.name, role: t.role };
}

/** Builds the sign-in operations. */
export function technicianAuth({ store, env, hasher }: TechnicianAuthDeps) {
  // Verifying against a real hash when the email is unknown keeps both answers equally slow, so
  // timing does not reveal which emails have accounts.
  let decoy: Promise<string> | undefined;

  return {
    /** Checks the password and opens a console session; the token goes in the cookie. */
    async login(p: Login): Promise<Result<{ token: string; technician: TechnicianView; expiresAt: number }>> {
      const tech = await store.findTechnicianByEmail(p.email);
      if (!tech) {
        decoy ??= hasher.hash(env.token());
        await hasher.verify(await decoy, p.password);
        return fail('invalid_credentials', 'Wrong email or password.');
      }
      if (!(await hasher.verify(tech.passwordHash, p.password))) return fail('invalid_credentials', 'Wrong email or password.');
      const token = env.token();
      const now = env.now();
      const expiresAt = now + AUTH_SESSION_MS;
      await store.insertAuthSession({ tokenHash: env.hashToken(token), technicianId: tech.id, createdAt: now, expiresAt });
      return ok({ token, technician: technicianView(tech), expiresAt });
    },

    /** The technician behind a console token, if it is known and not expired. */
    async authenticate(token: string | undefined): Promise<Technician | undefined> {
      if (!token) return undefined;
      const s = await store.findAuthSession(env.hashToken(token));
      if (!s || s.expiresAt <= env.now()) return undefined;
      return store.findTechnicianById(s.technicianId);
    },

    /** Ends a console session. */
    async logout(token: string | undefined): Promise<void> {
      if (token) await store.deleteAuthSession(env.hashToken(token));
    },

    /**
     * On a fresh database, creates the admin and the demo channel. Returns the password when it was
     * generated here, so the shell prints it once; returns null when nothing was created.
     */
    async bootstrap(admin: { email: string; password: string | undefined }): Promise<{ email: string; password: string | null } | null> {
      if ((await store.countTechnicians()) > 0) return null;
      const password = admin.password ?? env.token().slice(0, 20);
      const now = env.now();
      const tech: Technician = {
        id: env.id(),
        email: admin.email,
        name: 'Admin',
        role: 'admin',
        passwordHash: await hasher.hash(password),
        createdAt: now,
      };
      await store.insertTechnician(tech);
      let channel = await store.findChannelByKey(DEFAULT_CHANNEL_KEY);
      if (!channel) {
        channel = newChannel({ id: env.id(), key: DEFAULT_CHANNEL_KEY, name: 'Website', now });
        await store.insertChannel(channel);
      }
      await store.addChannelMember(channel.id, tech.id);
      return { email: admin.email, password: admin.password ? null : password };
    },
  };
}

/** The auth service. */
export type TechnicianAuth = ReturnType<typeof technicianAuth>;
