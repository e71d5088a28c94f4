/** The wire protocol shared by the widget, the console, the support client and the server. */
export * from './version.js';
export * from './errors.js';
export * from './schemas.js';
export * from './views.js';
export * from './events.js';
export * from './attachments.js';
export * from './profile-schemas.js';
export * from './profile-views.js';
export * from './desk-views.js';
export * from './desk-schemas.js';
export * from './desk-events.js';
export * from './support-client.js';
export * from './cobrowse.js';
export * from './cobrowse-control.js';
export * from './link-params.js';
export * from './unattended.js';
