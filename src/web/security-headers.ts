/**
 * Headers on every response. The content security policy allows only our own scripts and styles, and
 * lets the page be framed by Discord (its clients on discord.com and the Activity proxy on
 * <application id>.discordsays.com) and by nobody else.
 */
export const FRAME_ANCESTORS = ["'self'", 'https://discord.com', 'https://*.discord.com', 'https://*.discordsays.com'] as const;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Inside an Activity every request goes through Discord's proxy, which is the page's own origin.
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // X-Frame-Options cannot name several framing origins; frame-ancestors above does that instead.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
