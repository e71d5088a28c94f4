/**
 * Binds an admin page to the HTTP API: loads technicians and channels when the page opens and keeps
 * them in step with what the admin creates or edits. Nothing pushes these lists live, so the page
 * shows what it loaded plus its own changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChannelCreate, ChannelFields, ChannelView, Result, TechnicianCreate, TechnicianView } from '../../../src/protocol/index.js';
import * as api from '../api.js';

/** The admin pages' data. */
export class AdminController implements ReactiveController {
  technicians: TechnicianView[] = [];
  channels: ChannelView[] = [];
  loaded = false;
  /** Why loading failed, if it did. */
  error = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  /** (Re)loads both lists. */
  async load(): Promise<void> {
    const [technicians, channels] = await Promise.all([api.listTechnicians(), api.listChannels()]);
    if (technicians.ok) this.technicians = sortByName(technicians.value);
    if (channels.ok) this.channels = sortByName(channels.value);
    const failed = [technicians, channels].find((r) => !r.ok);
    this.error = failed && !failed.ok ? failed.message : '';
    this.loaded = true;
    this.host.requestUpdate();
  }

  /** Creates a technician account. */
  async createTechnician(body: TechnicianCreate): Promise<Result<TechnicianView>> {
    const r = await api.createTechnician(body);
    if (r.ok) this.technicians = sortByName([...this.technicians, r.value]);
    this.host.requestUpdate();
    return r;
  }

  /** Creates a channel (no id) or replaces the fields of one. */
  async saveChannel(id: string | null, body: ChannelFields | ChannelCreate): Promise<Result<ChannelView>> {
    const r = id ? await api.updateChannel(id, body) : await api.createChannel(body);
    if (r.ok) this.channels = sortByName([...this.channels.filter((c) => c.id !== r.value.id), r.value]);
    this.host.requestUpdate();
    return r;
  }
}

function sortByName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}
