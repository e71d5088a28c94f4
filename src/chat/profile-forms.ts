/**
 * The pre-chat and offline forms with their styles, as one lazy chunk: only channels with a form or
 * offline hours need them, so other pages never download them.
 */
export { renderOffline, type OfflineHandlers } from './offline-form.js';
export { renderPrechat, type PrechatHandlers } from './prechat-form.js';
export { profileStyles } from './profile.styles.js';
export { ProfileFormActions } from './profile-form-actions.js';
