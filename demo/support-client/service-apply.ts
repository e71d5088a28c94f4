/**
 * Carries out a service plan (`service-install.ts`, U-10): copies the program, writes the unit and
 * the config file (mode 0600), and runs the service manager's commands. With `root` every path is
 * under that folder and the commands are shown, not run (a staging root, or a test without
 * systemd); with `dryRun` nothing is touched and everything is printed, the channel key masked.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { shownCommand, type ServicePlan } from './service-install.js';

/** How the plan is carried out. */
export interface ApplyOptions {
  platform: NodeJS.Platform;
  /** Install under this folder and run no command. */
  root: string | null;
  dryRun: boolean;
  say(line: string): void;
}

/** Where `p` lands: under the root, if there is one. */
function at(opts: ApplyOptions, p: string): string {
  return opts.root ? path.join(opts.root, p.replace(/^[A-Za-z]:/, '')) : p;
}

const masked = (content: string) => content.replace(/("channelKey": )"[^"]*"/, '$1"<the channel key>"');

/** Runs each command, stopping at the first that fails; answers the exit code. */
function run(commands: readonly string[][], opts: ApplyOptions, mustSucceed: boolean): number {
  for (const argv of commands) {
    const shown = shownCommand(argv, opts.platform);
    if (opts.dryRun || opts.root) {
      opts.say(`${opts.dryRun ? 'Would run' : 'Not run (--service-root)'}: ${shown}`);
      continue;
    }
    opts.say(`Running: ${shown}`);
    const r = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', windowsHide: true });
    const code = r.error ? 127 : (r.status ?? 1);
    if (code !== 0) {
      opts.say(`${shown} failed${r.error ? `: ${r.error.message}` : ` (exit code ${code})`}.`);
      if (mustSucceed) return code;
    }
  }
  return 0;
}

/** Installs: program, files, then the service manager's commands. */
export async function applyInstall(plan: ServicePlan, opts: ApplyOptions): Promise<number> {
  if (plan.copy) {
    const to = at(opts, plan.copy.to);
    if (opts.dryRun) opts.say(`Would copy ${plan.copy.from} to ${to}`);
    else if (path.resolve(plan.copy.from) !== path.resolve(to)) {
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(plan.copy.from, to);
      await fs.chmod(to, 0o755);
    }
  }
  for (const f of plan.files) {
    const target = at(opts, f.path);
    const mode = f.mode.toString(8).padStart(4, '0');
    if (opts.dryRun) {
      opts.say(`Would write ${target} (mode ${mode}):\n${masked(f.content)}`);
      continue;
    }
    // A secret's folder is private too, so the file is never readable on its way in.
    await fs.mkdir(path.dirname(target), { recursive: true, mode: f.mode === 0o600 ? 0o700 : 0o755 });
    const temp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temp, f.content, { mode: f.mode });
    await fs.chmod(temp, f.mode);
    await fs.rename(temp, target);
    opts.say(`Wrote ${target} (mode ${mode})`);
  }
  return run(plan.commands, opts, true);
}

/** Uninstalls: stops the service, removes what the install wrote (folders only when empty), forgets it. */
export async function applyUninstall(
  plan: ServicePlan,
  commands: { before: string[][]; after: string[][] },
  opts: ApplyOptions,
): Promise<number> {
  run(commands.before, opts, false);
  for (const p of plan.remove) {
    const target = at(opts, p);
    if (opts.dryRun) {
      opts.say(`Would remove ${target}`);
      continue;
    }
    const stat = await fs.stat(target).catch(() => null);
    if (!stat) continue;
    if (stat.isDirectory()) {
      // Only empty: a folder may hold the admin's own files (logs, say).
      if (
        await fs.rmdir(target).then(
          () => true,
          () => false,
        )
      )
        opts.say(`Removed ${target}`);
    } else {
      await fs.rm(target, { force: true });
      opts.say(`Removed ${target}`);
    }
  }
  return run(commands.after, opts, false);
}
