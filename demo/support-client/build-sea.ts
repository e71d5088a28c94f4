/**
 * Packages the reference support client as a Node single executable application (SEA) for the
 * system this runs on: `dist/support-client/sea/porthole-support-<platform>-<arch>[.exe]`, the
 * node binary itself with the client's one-file bundle injected (`npm run build:sea`).
 *
 * Node 20's SEA runs one CommonJS script whose `require` knows only built-in modules, so this is a
 * second, CommonJS bundle of `main.ts` (the download stays the `.mjs` of `build.ts`). node-pty cannot
 * be loaded from inside the executable: the client falls back to its pipe shell. An executable is
 * built for the platform of the node that runs this script; build on macOS or Windows for those.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { inject } from 'postject';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'dist/support-client/sea');

/** The executable's file name for a platform and architecture. */
export function executableName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  return `porthole-support-${platform}-${arch}${platform === 'win32' ? '.exe' : ''}`;
}

/** The fuse Node looks for to know a blob was injected (fixed by Node's SEA). */
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Resolves `names` to a module that throws when loaded, as a missing optional dependency does. */
function unavailable(names: string[]): Plugin {
  const filter = new RegExp(`^(${names.join('|')})$`);
  return {
    name: 'unavailable',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'unavailable' }));
      b.onLoad({ filter: /.*/, namespace: 'unavailable' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`${args.path} is not available in the single executable`)});`,
        loader: 'js',
      }));
    },
  };
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const script = path.join(outDir, 'porthole-support.cjs');
  const blob = path.join(outDir, 'porthole-support.blob');
  const executable = path.join(outDir, executableName());

  await build({
    entryPoints: [path.join(root, 'demo/support-client/main.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'eof',
    // A SEA's require() loads built-ins only (and warns on anything else), so these optional native
    // modules become modules that throw: the client then uses its pipe shell, ws its plain JS path.
    plugins: [unavailable(['node-pty', 'bufferutil', 'utf-8-validate'])],
    logLevel: 'warning',
  });

  const config = path.join(outDir, 'sea-config.json');
  fs.writeFileSync(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true }));
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'inherit' });

  fs.copyFileSync(process.execPath, executable);
  fs.chmodSync(executable, 0o755);
  const macos = process.platform === 'darwin';
  // A copied, signed node binary must lose its signature before injection (and be signed again after).
  if (macos) execFileSync('codesign', ['--remove-signature', executable]);
  await inject(executable, 'NODE_SEA_BLOB', fs.readFileSync(blob), {
    sentinelFuse: FUSE,
    ...(macos ? { machoSegmentName: 'NODE_SEA' } : {}),
  });
  if (macos) execFileSync('codesign', ['--sign', '-', executable]);
  fs.rmSync(blob);
  fs.rmSync(config);
  const mb = (fs.statSync(executable).size / 1024 / 1024).toFixed(0);
  console.log(`support client executable: ${path.relative(root, executable)} (${mb} MB, ${process.platform} ${process.arch})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
