import Taro from '@tarojs/taro';
import { ErrorCode } from '@hall-menu/shared';
import { ApiError } from './api-error';
import { withSession } from './request';

export type DownloadType = 'csv' | 'xlsx' | 'docx';

const DOWNLOAD_TIMEOUT_MS = 60_000;

/** A body that may be JSON (an error answer) or not. */
export function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * Downloads a file the API makes (statistics, hall sheets) with the session's token (an expired one is refreshed
 * once): saved by the browser in H5, opened or shared in WeChat.
 */
export function downloadFile(url: string, fileName: string, type: DownloadType): Promise<void> {
  return withSession(true, (accessToken) =>
    process.env.TARO_ENV === 'h5' ? saveInBrowser(url, fileName, accessToken) : openInWeapp(type, url, fileName, accessToken),
  );
}

/** H5: fetched with the token (a plain link could not send it), then saved through an `<a download>`. */
async function saveInBrowser(url: string, fileName: string, accessToken: string | undefined): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} });
  } catch {
    throw ApiError.network();
  }
  if (!response.ok) throw ApiError.fromResponse(response.status, parseJson(await response.text()));
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has started saving by now; a minute is ample before the blob is let go.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/**
 * weapp: downloaded to a temporary file, then Word and Excel files open in WeChat's viewer (whose menu forwards or
 * saves them). WeChat cannot open a CSV, so that one is offered to send to a chat (文件传输助手 reaches a computer).
 */
async function openInWeapp(type: DownloadType, url: string, fileName: string, accessToken: string | undefined): Promise<void> {
  let response: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    response = await Taro.downloadFile({ url, header: accessToken ? { Authorization: `Bearer ${accessToken}` } : {}, timeout: DOWNLOAD_TIMEOUT_MS });
  } catch {
    throw ApiError.network();
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    // An error answer is written to the temporary file like any other body.
    const text = Taro.getFileSystemManager().readFileSync(response.tempFilePath, 'utf8');
    throw ApiError.fromResponse(response.statusCode, parseJson(String(text)));
  }
  try {
    if (type === 'csv') await Taro.shareFileMessage({ filePath: response.tempFilePath, fileName });
    else await Taro.openDocument({ filePath: response.tempFilePath, fileType: type, showMenu: true });
  } catch (error) {
    // Closing the share sheet is a choice, not a failure.
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return;
    throw new ApiError(ErrorCode.Internal, type === 'csv' ? '文件已下载，但微信没能发送，请重试' : '文件已下载，但微信没能打开，请重试', 0);
  }
}
