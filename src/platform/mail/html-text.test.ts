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
      'café & thé €',
    );
  });

  it('decodes every named entity, not only the common few', () => {
    expect(
      htmlToText('<p>&Eacute;t&eacute; &ndash; z&ouml;mer &laquo;&nbsp;ok&nbsp;&raquo; &euro;</p>'),
    ).toBe('Été – zömer « ok » €');
  });

  it('marks a quoted mail with ">" and keeps the words of a link, not its address', () => {
    expect(
      htmlToText(
        '<div>Voir <a href="https://x.example/t?id=1">le formulaire</a></div><blockquote>Ancien</blockquote>',
      ),
    ).toBe('Voir le formulaire\n\n> Ancien');
  });
});
