/**
 * The Porthole reference support client: run by the visitor after they allowed the escalation in
 * the chat. It connects to the server it was downloaded from, redeems the download's ticket (or the
 * 9-digit code), says what it cannot do without administrator rights, and then asks the visitor
 * in this terminal for everything the technician requests. `end` or Ctrl-C stops it.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { runDevice } from './device-service.js';
import { defaultFilesDir } from './files.js';
import { isElevated, osFamily, standardUserLimits } from './machine.js';
import { parseOptions, USAGE, type ServiceInstallOptions } from './options.js';
import { applyInstall, applyUninstall } from './service-apply.js';
import { installPlan, uninstallCommands } from './service-install.js';
import { SupportSession } from './session.js';
import { Terminal } from './terminal.js';

/** The client's version, sent to the server. */
export const VERSION = '0.1.0';

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.serviceInstall) return installService(options.server, options.serviceInstall);
  const terminal = new Terminal();
  const elevated = isElevated();
  const os = osFamily();
  terminal.say(`Porthole support client ${VERSION}, connecting to ${options.server}`);
  if (elevated) terminal.say('Running with administrator rights.');
  else {
    terminal.say('Running without administrator rights, so the technician cannot:');
    for (const limit of standardUserLimits(os)) terminal.say(`  - ${limit}`);
  }

  if (options.service) {
    const setup = {
      server: options.server,
      terminal,
      filesDir: options.filesDir ?? defaultFilesDir(),
      elevated,
      os,
      usePty: !options.noPty,
    };
    return runDevice({ ...setup, service: options.service, version: VERSION });
  }

  const session = new SupportSession({
    server: options.server,
    terminal,
    filesDir: options.filesDir ?? defaultFilesDir(),
    elevated,
    os,
    usePty: !options.noPty,
    version: VERSION,
  });
  try {
    await session.connect();
  } catch (e) {
    terminal.say(`Could not connect: ${(e as Error).message}`);
    terminal.close();
    return 1;
  }

  let redeemed = options.ticket ? await session.redeem({ token: options.ticket }) : null;
  if (redeemed && !redeemed.ok) terminal.say(`The download's ticket did not work: ${redeemed.message}`);
  let code = options.code;
  while (!redeemed?.ok) {
    code ??= await terminal.ask('Type the 9-digit code shown in the chat: ');
    if (code === null) return 1;
    redeemed = await session.redeem({ code });
    if (!redeemed.ok) terminal.say(`That did not work: ${redeemed.message}`);
    if (!redeemed.ok && redeemed.error === 'rate_limited') return 1;
    code = null;
  }
  const { organisation, technicians } = redeemed.value;
  terminal.say(`Connected to ${organisation}${technicians.length ? ` (${technicians.join(', ')})` : ''}.`);
  terminal.say('The technician will ask before doing anything. Type "end" and Enter at any time to stop.');

  terminal.onLine((line) => {
    if (/^\s*(end|quit|exit|q)\s*$/i.test(line)) void session.end();
  });
  terminal.onClose(() => void session.end());
  process.once('SIGINT', () => void session.end());
  await session.closed();
  terminal.close();
  // An elevated copy took over (E-13): it shares this terminal, so wait for it.
  if (session.successor) return (await session.successor) ?? 0;
  return 0;
}

/** U-10: installs (or removes) service mode as a service of this system. */
async function installService(server: string, o: ServiceInstallOptions): Promise<number> {
  // A single executable is its own program; a script runs under this Node.
  const sea = !/\.[cm]?[jt]s$/.test(process.argv[1] ?? '');
  const input = {
    platform: process.platform,
    scope: o.scope,
    home: homedir(),
    uid: process.getuid?.() ?? 0,
    execPath: process.execPath,
    script: sea ? null : path.resolve(process.argv[1]),
    server,
    channelKey: o.channelKey,
    name: o.name,
    allowOtherServer: o.allowOtherServer,
    programData: process.env.ProgramData,
  };
  const apply = { platform: process.platform, root: o.root, dryRun: o.dryRun, say: (line: string) => process.stdout.write(`${line}\n`) };
  const plan = installPlan(input);
  if (o.action === 'uninstall') return applyUninstall(plan, uninstallCommands(input), apply);
  const code = await applyInstall(plan, apply);
  if (code === 0 && !o.dryRun)
    apply.say(o.root ? `Installed under ${o.root}.` : 'Installed: the device registers with the channel now and at every start.');
  return code;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
