/**
 * Query parameters of the page addresses the server builds and the widget reads. Plain constants,
 * so the launcher can import them without the schemas.
 */

/** Carries a conversation link's token (SPEC.md P-2): `https://site/page?porthole-resume=<token>`. */
export const CONVERSATION_LINK_PARAM = 'porthole-resume';
