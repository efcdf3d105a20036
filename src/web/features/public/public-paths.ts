/** The public pages' addresses: /offentlig in Norwegian, and /public leading to the same pages. */
export const publicRoot = '/offentlig';
export const publicAlias = '/public';

export const isPublicPath = (pathname: string) =>
  [publicRoot, publicAlias].some((root) => pathname === root || pathname.startsWith(`${root}/`));

export const agreementPath = (id: string) => `${publicRoot}/avtaler/${encodeURIComponent(id)}`;
export const regionPath = (id: string) => `${publicRoot}/regioner/${encodeURIComponent(id)}`;
export const openDataPath = `${publicRoot}/data`;
export const hearingsPath = `${publicRoot}/horinger`;
export const hearingPath = (id: string) => `${hearingsPath}/${encodeURIComponent(id)}`;
