// The embed's address and its <iframe> snippet (loaded with the embed dialog). Pure.

export interface EmbedOptions {
  controls: boolean;
  /** Exact origins allowed to drive the embed by postMessage. */
  origins: readonly string[];
}

/** The embed's address: the share link's state plus the embed parameters (before the long `s=`). */
export function embedSrc(base: string, shareSearch: string, options: EmbedOptions): string {
  const extra = new URLSearchParams();
  extra.set('embed', '1');
  if (!options.controls) extra.set('controls', '0');
  if (options.origins.length > 0) extra.set('origins', options.origins.join(','));
  const params = extra.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
  const custom = shareSearch.indexOf('&s=');
  const search = custom < 0 ? `${shareSearch}&${params}` : `${shareSearch.slice(0, custom)}&${params}${shareSearch.slice(custom)}`;
  return `${base}${search}`;
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const EMBED_SIZE = { width: 800, height: 500, min: 320, max: 4000 };

export function clampSize(v: number, fallback: number): number {
  if (!Number.isFinite(v)) return fallback;
  return Math.min(EMBED_SIZE.max, Math.max(EMBED_SIZE.min, Math.round(v)));
}

/** An <iframe> snippet; every attribute value is escaped, so a scenario title cannot break out. */
export function embedSnippet(src: string, title: string, width: number, height: number): string {
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="${clampSize(width, EMBED_SIZE.width)}" ` +
    `height="${clampSize(height, EMBED_SIZE.height)}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
