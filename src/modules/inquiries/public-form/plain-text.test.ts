import { describe, expect, it } from 'vitest';
import { hasMarkup, plainText } from './plain-text.js';

describe('plainText', () => {
  it('takes a script out whole, with what it would run', () => {
    expect(plainText('Bonjour <script>alert(1)</script>je suis indépendant')).toBe(
      'Bonjour je suis indépendant',
    );
    expect(plainText('<SCRIPT type="text/javascript">fetch("//x")</SCRIPT >')).toBe('');
  });

  it('keeps the words of other markup and drops its tags and attributes', () => {
    expect(plainText('<p>Ma <b>question</b> : <a href="javascript:x">droit passerelle</a></p>')).toBe(
      'Ma question : droit passerelle',
    );
    expect(plainText('<img src=x onerror=alert(1)>Bonjour')).toBe('Bonjour');
    expect(plainText('Bonjour <img src=x onerror=alert(1)')).toBe('Bonjour');
    expect(plainText('<!-- caché -->visible<!DOCTYPE html>')).toBe('visible');
  });

  it('does not let nested pieces rebuild a tag', () => {
    const text = plainText('<scr<script>x</script>ipt>alert(1)</scr<b></b>ipt>');
    expect(hasMarkup(text)).toBe(false);
  });

  it('keeps a < that starts no tag, and the lines the person typed', () => {
    expect(plainText('revenus < 1.500 € et > 0')).toBe('revenus < 1.500 € et > 0');
    expect(plainText('  ligne 1 \r\nligne 2\n\n\n\nligne 3  ')).toBe('ligne 1\nligne 2\n\nligne 3');
  });
});
