// Copies text: the Clipboard API where the page may use it, else the text is selected in its field
// so Ctrl+C / ⌘C does it (the fallback works in every browser, also from file:// or an iframe).
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not a secure context, not focused): fall through to selecting.
  }
  if (field) {
    field.focus();
    field.select();
  }
  return false;
}
