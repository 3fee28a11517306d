import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

/** The API's types, generated from openapi/openapi.yaml: `npm run generate`. */
export type { components, paths } from "./schema.js";

/**
 * A typed client of the cart-evidence API, its answers typed as the media types asked for (JSON and problem
 * details unless told).
 * Reads are open; writes need the curator, here by HTTP Basic (a pipeline would send a JWT bearer token instead).
 */
export function cartEvidence<Media extends `${string}/${string}` = "application/json" | "application/problem+json">(
    baseUrl: string,
    curator?: { user: string; password: string }) {
  const headers: Record<string, string> = {};
  if (curator !== undefined) {
    headers["Authorization"] = "Basic " + Buffer.from(`${curator.user}:${curator.password}`).toString("base64");
  }
  return createClient<paths, Media>({ baseUrl, headers });
}

/** The target of `rel="next"` in a Link header, if any (RFC 8288). */
export function nextLink(link: string | null): string | undefined {
  if (link === null) {
    return undefined;
  }
  for (const part of link.split(",")) {
    const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match?.[1] !== undefined) {
      return match[1];
    }
  }
  return undefined;
}
