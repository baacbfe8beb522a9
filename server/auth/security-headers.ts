import type { Context, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** The request's own host, for the WebSocket sources; anything odd yields nothing. */
function ownSockets(c: Context): string {
  const host = c.req.header("host") ?? "";
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `ws://${host} wss://${host}`
    : "'self'";
}

/**
 * Secure headers with a CSP that allows the app's own scripts, styles, fonts and images and
 * connections to itself only (HTTP and its WebSocket; `'self'` covers ws: in current
 * browsers, the explicit host covers older ones). Inline styles are allowed because Tiptap's
 * collaboration carets and ProseMirror set `style` attributes; inline scripts are not.
 * Referrer-Policy is no-referrer so link tokens in page URLs never leak to other sites.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'", ownSockets],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
}
