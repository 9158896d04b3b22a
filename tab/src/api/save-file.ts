// Downloads a file the API sends (CSV, Word) with the session's token, and
// hands it to the browser as a download under the server's file name.
import type { ApiClient, QueryValue } from "./api-client";

export async function saveFile(api: ApiClient, path: string, query?: Record<string, QueryValue>): Promise<void> {
  const { blob, filename } = await api.getFile(path, query);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
