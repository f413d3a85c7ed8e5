/**
 * Saves a text as a file the browser downloads: a Blob URL on a temporary `<a download>` inside the
 * element's own shadow root (nothing on the host page, nothing through `innerHTML`), revoked once the
 * browser has had time to start the download.
 */
export function downloadText(root: ShadowRoot | HTMLElement, fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
