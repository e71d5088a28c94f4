/** The wire protocol shared by the widget, the console, the support client and the server. */
export * from './version.js';
export * from './errors.js';
export * from './schemas.js';
export * from './views.js';
export * from './events.js';
export * from './cobrowse.js';
