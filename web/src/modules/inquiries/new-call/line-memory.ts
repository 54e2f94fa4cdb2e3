import { PHONE_LINES } from '../call-values.js';

const LINE_STORAGE_KEY = 'relais.inquiries.phoneLine';

/** The telephony line this device's agent said last ('' for none, or one no longer offered). */
export function rememberedLine(): string {
  try {
    const line = localStorage.getItem(LINE_STORAGE_KEY) ?? '';
    return PHONE_LINES.some((offered) => String(offered) === line) ? line : '';
  } catch {
    return ''; // storage can be disabled: the agent then picks the line once per visit
  }
}

export function rememberLine(line: string): void {
  try {
    if (line) localStorage.setItem(LINE_STORAGE_KEY, line);
    else localStorage.removeItem(LINE_STORAGE_KEY);
  } catch {
    // nothing to do: the choice then lasts for this page only
  }
}
