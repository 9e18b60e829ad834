/**
 * Photo URLs from the API are relative (`/uploads/…`). H5 is served by the API server, so they work
 * as they are; the weapp needs the server's origin in front, taken from the API base of the build.
 */
const MEDIA_ORIGIN = process.env.TARO_ENV === 'h5' ? '' : API_BASE.replace(/\/api\/?$/, '');

export function mediaUrl(url: string): string {
  return /^(https?:)?\/\//.test(url) || /^(blob|data|wxfile):/.test(url) ? url : `${MEDIA_ORIGIN}${url}`;
}
