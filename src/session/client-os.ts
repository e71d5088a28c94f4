/**
 * Which support-client download to offer first: the visitor's operating system as the browser
 * reports it (User-Agent Client Hints where available, else the User-Agent string). A guess, so the
 * other systems always stay one click away. Pure: it reads only what it is given.
 */
import type { ClientOs } from '../protocol/views.js';

/** What the detection reads of `navigator`. */
export interface NavigatorHints {
  userAgent?: string;
  userAgentData?: { platform?: string } | undefined;
}

/** The systems in the order the prompt lists them. */
export const CLIENT_OSES: readonly ClientOs[] = ['windows', 'macos', 'linux'];

/** Names people know the systems by. */
export const OS_NAMES: Record<ClientOs, string> = { windows: 'Windows', macos: 'macOS', linux: 'Linux' };

/** The visitor's system, or null when it is none of the three (phones, tablets, unknown). */
export function detectOs(nav: NavigatorHints): ClientOs | null {
  const platform = nav.userAgentData?.platform?.toLowerCase() ?? '';
  const ua = nav.userAgent ?? '';
  if (platform.includes('windows') || /Windows NT/.test(ua)) return 'windows';
  if (/android/i.test(platform) || /Android|iPhone|iPad|iPod/.test(ua)) return null;
  if (platform.includes('mac') || /Macintosh|Mac OS X/.test(ua)) return 'macos';
  if (platform.includes('linux') || platform.includes('chrome os') || /Linux|X11|CrOS/.test(ua)) return 'linux';
  return null;
}
