/**
 * The pre-chat, offline and "continue on another device" forms with their styles, as one lazy
 * chunk: only channels with a form or offline hours, or a visitor moving devices, need them.
 */
export { renderContinue, type ContinueHandlers } from './continue-form.js';
export { renderOffline, type OfflineHandlers } from './offline-form.js';
export { renderPrechat, type PrechatHandlers } from './prechat-form.js';
export { profileStyles } from './profile.styles.js';
export { ProfileFormActions } from './profile-form-actions.js';
