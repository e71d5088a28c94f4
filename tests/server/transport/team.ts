/**
 * A support team on a real test server, made through the admin HTTP routes: the admin and Bob,
 * Carol and Erin in the `demo` channel, Dave only in "Elsewhere" (which the admin belongs to too).
 * Every member has a connected console.
 */
import {
  adminIdOf,
  buildTestServer,
  channelIdOf,
  connectConsole,
  createChannel,
  createTechnician,
  disconnectAll,
  joinedSession,
  setMembers,
  storageKindFromEnv,
  type ConsoleSocket,
  type JoinedSession,
  type TestServer,
  type TestServerOptions,
  type WidgetSocket,
} from '../../support/test-server.js';

/** One technician of the team. */
export interface Member {
  id: string;
  name: string;
  cookie: string;
  socket: ConsoleSocket;
}

/** The team and its server. */
export interface Team {
  server: TestServer;
  /** The `demo` channel ("Website"). */
  demoId: string;
  /** The "Elsewhere" channel. */
  otherId: string;
  admin: Member;
  bob: Member;
  carol: Member;
  erin: Member;
  dave: Member;
  /** A session `owner` created in `demo` and a new visitor joined: Active, owned by `owner`. */
  joined(owner: Member): Promise<JoinedSession>;
  /** Keeps a socket to disconnect at the end. */
  track(socket: WidgetSocket | ConsoleSocket): void;
  /** Disconnects every socket and closes the server. */
  close(): Promise<void>;
}

/** Starts a server (on the suite's storage unless told) and makes the team. */
export async function startTeam(options: TestServerOptions = {}): Promise<Team> {
  const server = await buildTestServer({ storage: storageKindFromEnv(), ...options });
  const sockets: (WidgetSocket | ConsoleSocket)[] = [];
  try {
    const adminCookie = await server.login();
    const member = async (id: string, name: string, cookie: string): Promise<Member> => {
      const socket = await connectConsole(server.url, cookie);
      sockets.push(socket);
      return { id, name, cookie, socket };
    };
    const [bob, carol, erin, dave] = [
      await createTechnician(server, adminCookie, { name: 'Bob' }),
      await createTechnician(server, adminCookie, { name: 'Carol' }),
      await createTechnician(server, adminCookie, { name: 'Erin' }),
      await createTechnician(server, adminCookie, { name: 'Dave' }),
    ];
    const adminId = await adminIdOf(server);
    const demoId = await channelIdOf(server);
    await setMembers(server, adminCookie, demoId, [adminId, bob.id, carol.id, erin.id]);
    const other = await createChannel(server, adminCookie, { name: 'Elsewhere', memberIds: [adminId, dave.id] });
    const team: Team = {
      server,
      demoId,
      otherId: other.id,
      admin: await member(adminId, 'Admin', adminCookie),
      bob: await member(bob.id, bob.name, bob.cookie),
      carol: await member(carol.id, carol.name, carol.cookie),
      erin: await member(erin.id, erin.name, erin.cookie),
      dave: await member(dave.id, dave.name, dave.cookie),
      async joined(owner) {
        const j = await joinedSession(server.url, owner.socket, demoId);
        sockets.push(j.widget);
        return j;
      },
      track: (socket) => void sockets.push(socket),
      async close() {
        disconnectAll(...sockets);
        await server.close();
      },
    };
    return team;
  } catch (error) {
    disconnectAll(...sockets);
    await server.close();
    throw error;
  }
}
