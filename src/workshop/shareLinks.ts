// The page's own address, without the state: the base of every share link and embed. Pure.

/** The page's address without its query or fragment (works for http(s) and file:// alike). */
export function pageBase(href: string): string {
  return href.split(/[?#]/)[0];
}
