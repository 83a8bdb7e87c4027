/**
 * Records what copy buttons put on the clipboard. Backstage's CopyTextButton copies by
 * selecting the text and running the `copy` command, which jsdom does not implement.
 */
export function captureClipboard() {
  const copied: string[] = [];
  const original = document.execCommand;
  document.execCommand = (command: string) => {
    if (command === 'copy') copied.push(String(document.getSelection()));
    return true;
  };
  return {
    copied,
    restore: () => {
      document.execCommand = original;
    },
  };
}
