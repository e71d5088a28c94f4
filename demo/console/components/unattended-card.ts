/**
 * The head of an unattended session's support-client panel (U-5, U-7): the device (its name and
 * system), what the channel lets members use there, who connected and when, and End connection.
 * Nobody is at the device, so nothing here asks anyone anything. Plain render functions for
 * `<support-client-panel>`, which owns the state.
 */
import { html, nothing } from 'lit';
import type { ClientCapability, DeviceConnectionView, SupportClientView } from '../../../src/protocol/index.js';
import { OS_LABEL } from './labels.js';

/** What each capability gives, in the card's words. */
export const UNATTENDED_CAPABILITY_LABEL: Record<ClientCapability, string> = {
  shell: 'Command shell',
  files: 'File transfer',
  system: 'System information',
};

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** What the card shows and does. */
export interface UnattendedCardInput {
  connection: DeviceConnectionView | null;
  client: SupportClientView | null;
  viewerId: string;
  busy: boolean;
  end: (connectionId: string) => void;
}

/** The device, its capabilities, who connected, and End connection while the connection is live. */
export function unattendedCard({ connection, client, viewerId, busy, end }: UnattendedCardInput) {
  const live = connection ? connection.endedAt === null : client?.endedAt === null;
  const granted = (client?.grants ?? []).filter((g) => g.status === 'granted' && client?.endedAt === null).map((g) => g.capability);
  const who = connection && (connection.technician.id === viewerId ? `${connection.technician.name} (you)` : connection.technician.name);
  const sys = client?.system;
  return html`<div class="head">
      <h3>${connection?.deviceName || 'Unattended device'}</h3>
      <span class="badge ${live ? '' : 'ended'}">${live ? (client ? 'Connected' : 'Connecting…') : 'Connection ended'}</span>
      ${client ? html`<span class="badge">${OS_LABEL[client.os]} · version ${client.version}</span>` : nothing}
      ${client?.elevated ? html`<span class="badge">Administrator</span>` : nothing}
      ${
        live && connection
          ? html`<button type="button" class="danger end" ?disabled=${busy} @click=${() => end(connection.id)}>End connection</button>`
          : nothing
      }
    </div>
    <dl aria-label="Unattended device">
      ${
        sys
          ? html`<dt>Computer</dt>
              <dd>${sys.hostname}</dd>
              <dt>User</dt>
              <dd>${sys.user}${sys.elevated ? ' (administrator)' : ''}</dd>
              <dt>System</dt>
              <dd>${sys.platform} ${sys.release} (${sys.arch}), ${Math.round(sys.memoryMb / 1024)} GB, ${sys.cpus} CPUs</dd>`
          : nothing
      }
      ${
        who
          ? html`<dt>Connected by</dt>
              <dd>${who} at ${time(connection.startedAt)}</dd>`
          : nothing
      }
      <dt>May use</dt>
      <dd class="capabilities">
        ${granted.length > 0 ? granted.map((c) => html`<span class="badge">${UNATTENDED_CAPABILITY_LABEL[c]}</span>`) : live ? 'Waiting for the device…' : 'Nothing now'}
      </dd>
      ${
        connection?.endedAt != null
          ? html`<dt>Ended</dt>
              <dd>${time(connection.endedAt)}: ${connection.endReason ?? ''}</dd>`
          : nothing
      }
    </dl>
    <p class="hint">
      ${
        live
          ? 'Nobody is at this device and nobody is asked: the channel allows what you can use here. This connection is logged.'
          : 'The unattended connection ended. Connect again from Devices.'
      }
    </p>`;
}
