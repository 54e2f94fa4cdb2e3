import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('puts blocks and line breaks on their own lines and drops the tags', () => {
    expect(htmlToText('<p>Bonjour,</p><p>ai-je <b>droit</b> au droit passerelle&nbsp;?<br>Merci</p>')).toBe(
      'Bonjour,\nai-je droit au droit passerelle ?\nMerci',
    );
  });

  it('drops styles and scripts, and decodes entities', () => {
    expect(htmlToText('<style>p{color:red}</style><p>caf&eacute; &amp; th&#233; &#x20AC;</p>')).toBe(
      'caf&eacute; & thé €',
    );
  });
});
