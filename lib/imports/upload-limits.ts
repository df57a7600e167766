/** The largest file an upload accepts (the browser checks it first): a million-row export is about 60 MB. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
