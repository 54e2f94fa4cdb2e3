import { useEffect, useRef } from 'react';

/**
 * A page's keyboard shortcut. Letters go with Alt (no browser uses Alt+L, Alt+I, Alt+E or Alt+M
 * for anything a page cannot take over, and none of them types a character on a Belgian AZERTY
 * keyboard); Enter goes with Ctrl (⌘ on a Mac), as in mail programs.
 */
export type Shortcut = { key: string; alt?: boolean; ctrl?: boolean };

export const SHORTCUTS = {
  answer: { key: 'Enter', ctrl: true },
  language: { key: 'l', alt: true },
  identification: { key: 'i', alt: true },
  escalate: { key: 'e', alt: true },
  referral: { key: 'm', alt: true },
} as const satisfies Record<string, Shortcut>;

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * Whether a key press is the shortcut. A letter is read from `key` (what the keyboard layout
 * types), or from the physical key when Alt turned it into another character (⌥ on a Mac).
 */
export function matchesShortcut(event: KeyLike, shortcut: Shortcut): boolean {
  if (Boolean(shortcut.alt) !== event.altKey || event.shiftKey) return false;
  if (Boolean(shortcut.ctrl) !== (event.ctrlKey || event.metaKey)) return false;
  if (shortcut.key.length > 1) return event.key === shortcut.key;
  const letter = shortcut.key.toLowerCase();
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase() === letter;
  return event.code === `Key${letter.toUpperCase()}`;
}

/** `aria-keyshortcuts` text, so assistive technology announces the shortcut with the button. */
export const ariaShortcut = (shortcut: Shortcut): string =>
  [
    shortcut.ctrl && 'Control',
    shortcut.alt && 'Alt',
    shortcut.key.length > 1 ? shortcut.key : shortcut.key.toUpperCase(),
  ]
    .filter(Boolean)
    .join('+');

/** The keys as shown on screen, e.g. `['Ctrl', 'Enter']`. */
export const shortcutKeys = (shortcut: Shortcut): string[] =>
  [
    shortcut.ctrl && 'Ctrl',
    shortcut.alt && 'Alt',
    shortcut.key.length > 1 ? shortcut.key : shortcut.key.toUpperCase(),
  ].filter((key): key is string => Boolean(key));

/**
 * Listens for shortcuts on the whole page while it is shown. Handlers are read at the time of the
 * key press, so they always see the current form. A handler returning false lets the key through.
 */
export function useShortcuts(bindings: readonly [Shortcut, (event: KeyboardEvent) => unknown][]): void {
  const current = useRef(bindings);
  current.current = bindings;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      for (const [shortcut, handler] of current.current) {
        if (!matchesShortcut(event, shortcut)) continue;
        if (handler(event) === false) return;
        event.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
