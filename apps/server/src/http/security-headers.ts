import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Browser features the platform denies to itself and to anything it embeds. Every name here must be one
 * Chromium knows, or it logs an error on each page load.
 * Loopback access (Local Network Access, Chrome 142+ / Edge 143+) is allowed to the platform's own pages only,
 * so they may call the keybridge on 127.0.0.1 once the user allows it; nothing it embeds may, nor reach the LAN.
 */
const PERMISSIONS_POLICY: Record<string, "()" | "self"> = {
  accelerometer: "()",
  autoplay: "()",
  bluetooth: "()",
  camera: "()",
  "display-capture": "()",
  "encrypted-media": "()",
  fullscreen: "()",
  geolocation: "()",
  gyroscope: "()",
  hid: "()",
  "idle-detection": "()",
  "local-network": "()",
  "loopback-network": "self",
  magnetometer: "()",
  microphone: "()",
  midi: "()",
  payment: "()",
  "picture-in-picture": "()",
  "publickey-credentials-get": "()",
  "screen-wake-lock": "()",
  serial: "()",
  usb: "()",
  "xr-spatial-tracking": "()",
};

export const permissionsPolicy = Object.entries(PERMISSIONS_POLICY)
  .map(([feature, allow]) => `${feature}=${allow}`)
  .join(", ");

/**
 * Browser protections on every answer (HTML pages and API alike), through @fastify/helmet: a CSP with
 * scripts from this origin only, no framing anywhere (frame-ancestors and X-Frame-Options), COOP, and the
 * Permissions-Policy above. `keybridgeUrl` is the one other place the web app connects to.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { keybridgeUrl: string }): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // antd writes its CSS-in-JS into <style> elements and style attributes; scripts stay 'self' only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'", new URL(opts.keybridgeUrl).origin],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "same-origin" },
  });
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("permissions-policy", permissionsPolicy);
  });
}
