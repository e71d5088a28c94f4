/**
 * The console's HTTP calls: sign-in, password, and the admin's technicians and channels. The
 * session lives in an HttpOnly cookie that the browser sends by itself; nothing here touches it.
 * Every answer is a `Result`, also when the server cannot be reached.
 */
import {
  type ChannelCreate,
  type ChannelFields,
  type ChannelView,
  type TechnicianCreate,
  type TechnicianView,
} from '../../src/protocol/index.js';
import { call } from './api-call.js';

/** Signs in; the server sets the cookie. */
export const login = (email: string, password: string) => call<TechnicianView>('POST', '/api/auth/login', { email, password });

/** The signed-in technician, or `unauthorized`. */
export const me = () => call<TechnicianView>('GET', '/api/auth/me');

/** Signs out. */
export const logout = () => call<null>('POST', '/api/auth/logout', {});

/** Changes the signed-in technician's password. */
export const changePassword = (current: string, next: string) => call<null>('POST', '/api/auth/password', { current, next });

/** Every technician (admins only). */
export const listTechnicians = () => call<TechnicianView[]>('GET', '/api/technicians');

/** Creates a technician account (admins only). */
export const createTechnician = (body: TechnicianCreate) => call<TechnicianView>('POST', '/api/technicians', body);

/** Channels: all of them for admins, their own for technicians. */
export const listChannels = () => call<ChannelView[]>('GET', '/api/channels');

/** Creates a channel (admins only). */
export const createChannel = (body: ChannelCreate) => call<ChannelView>('POST', '/api/channels', body);

/** Replaces a channel's fields (admins only). */
export const updateChannel = (id: string, body: ChannelFields) => call<ChannelView>('PUT', `/api/channels/${encodeURIComponent(id)}`, body);
