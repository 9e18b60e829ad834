import Taro from '@tarojs/taro';
import type { UploadDto } from '@hall-menu/shared';
import { ApiError } from './api-error';
import { apiUrl, withSession } from './request';

/** Uploads are posted once: a repeated photo would only be a stray file, but a retry could double the wait. */
const UPLOAD_TIMEOUT_MS = 60_000;

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

async function send(filePath: string, accessToken: string | undefined): Promise<UploadDto> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: apiUrl('/uploads'),
      filePath,
      name: 'file',
      header: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
      timeout: UPLOAD_TIMEOUT_MS,
    });
  } catch {
    throw ApiError.network();
  }
  // uploadFile hands the body over as text on both targets.
  const body = parseBody(response.data);
  if (response.statusCode >= 200 && response.statusCode < 300) return body as UploadDto;
  throw ApiError.fromResponse(response.statusCode, body);
}

/** Uploads one photo picked with `Taro.chooseImage` (a local temp path); resolves with its `/uploads/…` URL. */
export const uploadPhoto = (filePath: string) => withSession(true, (accessToken) => send(filePath, accessToken));
