/**
 * A throw-away Dovecot IMAP server for tests: its own config, passwd file and maildir in a temp
 * folder, listening on a free loopback port. Needs `/usr/sbin/dovecot` (`.ci/run` installs
 * dovecot-imapd) and runs its login processes as `dovenull`, so the folder is world-readable.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { eventually } from './mail-sink.js';
import { freePort } from './free-port.js';

/** Where Dovecot lives. */
export const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

/** A running Dovecot with one user. */
export interface TestDovecot {
  host: string;
  port: number;
  user: string;
  pass: string;
  /** Appends a raw mail to the user's INBOX over IMAP. */
  append(raw: string): Promise<void>;
  /** Stops the server (it can be started again with `start`). */
  stop(): Promise<void>;
  /** Starts it again on the same port and maildir, after `stop`. */
  start(): Promise<void>;
  /** Stops it and removes everything. */
  cleanup(): Promise<void>;
}

const readPid = (dir: string) => Number(fs.readFileSync(path.join(dir, 'run', 'master.pid'), 'utf8').trim());

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts Dovecot; throws when it is not installed. */
export async function startDovecot(): Promise<TestDovecot> {
  if (!fs.existsSync(DOVECOT)) throw new Error(`${DOVECOT} is missing: apt-get install -y dovecot-imapd`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'desk';
  const pass = 'desk-password';
  const mail = path.join(dir, 'mail');
  fs.mkdirSync(path.join(dir, 'run'));
  fs.mkdirSync(path.join(dir, 'state'));
  fs.mkdirSync(mail);
  execFileSync('chown', ['-R', 'dovecot:dovecot', mail]);
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${pass}\n`);
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
first_valid_uid = 100
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = ${dir}/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    port = ${port}
  }
}
service anvil {
  chroot =
}
`,
  );

  const start = async () => {
    // Without ignored stdio the call would wait for the daemon, which keeps the pipes open.
    execFileSync(DOVECOT, ['-c', conf], { stdio: 'ignore' });
    // Ready once a login works.
    await eventually(async () => {
      const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass }, logger: false });
      try {
        await c.connect();
        await c.logout();
        return true;
      } catch {
        return false;
      }
    }, 'Dovecot to accept a login');
  };
  const stop = async () => {
    let pid: number;
    try {
      pid = readPid(dir);
    } catch {
      return;
    }
    if (!alive(pid)) return;
    process.kill(pid, 'SIGTERM');
    await eventually(() => !alive(pid), 'Dovecot to stop');
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    pass,
    async append(raw) {
      const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass }, logger: false });
      await c.connect();
      try {
        await c.append('INBOX', raw);
      } finally {
        await c.logout();
      }
    },
    stop,
    start,
    async cleanup() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
