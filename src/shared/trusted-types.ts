/**
 * The toolkit's one Trusted Types policy. Under `require-trusted-types-for 'script'` the browser
 * refuses a plain string at a script-URL sink such as `navigator.serviceWorker.register(url)`; the
 * only such sink the toolkit has is the service worker's URL, and this policy lets through nothing
 * but a URL of the page's own origin. (lit-html makes its own policy, `lit-html`, for its templates;
 * story and caption text is always set as text and needs none.)
 */

// The types workbox-window's Workbox takes (@types/trusted-types comes with workbox-window).
import type { TrustedScriptURL, TrustedTypesWindow } from 'trusted-types/lib/index.js';

/** The policy's name, for an embedder's `trusted-types` directive. */
export const TRUSTED_TYPES_POLICY = 'listen-photo-story';

let policy: { createScriptURL(input: string): TrustedScriptURL } | null | undefined;

/**
 * `url` (absolute, or relative to the page) as a script URL the browser accepts under Trusted Types
 * (the string itself where the browser has none). Throws for a URL of another origin: a service
 * worker cannot come from one anyway.
 */
export function trustedScriptURL(url: string): string | TrustedScriptURL {
  if (policy === undefined) {
    const factory = (globalThis as unknown as TrustedTypesWindow).trustedTypes;
    policy = factory
      ? factory.createPolicy(TRUSTED_TYPES_POLICY, {
          createScriptURL: (input: string) => {
            const resolved = new URL(input, document.baseURI);
            if (resolved.origin !== location.origin) throw new TypeError(`${TRUSTED_TYPES_POLICY}: a script URL of another origin (${resolved.origin}) is refused`);
            return resolved.href;
          },
        })
      : null;
  }
  return policy ? policy.createScriptURL(url) : url;
}
