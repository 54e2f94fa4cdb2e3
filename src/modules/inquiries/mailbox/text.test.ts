import { describe, expect, it } from 'vitest';
import { questionFromMail, stripQuotedReply } from './text.js';

describe('stripQuotedReply', () => {
  it('keeps the person’s words and drops the quoted mail below them', () => {
    const text =
      'Merci, et pour avril ?\n\nLe mar. 3 mars 2020 à 10:12, Relais <crisis@relais.example> a écrit :\n> Bonjour,\n> voici la réponse';
    expect(stripQuotedReply(text)).toBe('Merci, et pour avril ?');
  });

  it('recognises Dutch, English and Outlook quote headers', () => {
    expect(stripQuotedReply('Dank u.\nOp di 3 mrt. 2020 om 10:12 schreef Relais <a@b.be>:\n> tekst')).toBe(
      'Dank u.',
    );
    expect(stripQuotedReply('Thanks.\n\nOn Tue, 3 Mar 2020 at 10:12, Relais\n<a@b.be> wrote:\n> text')).toBe(
      'Thanks.',
    );
    expect(stripQuotedReply('Ok.\n\n-----Original Message-----\nFrom: Relais')).toBe('Ok.');
    expect(stripQuotedReply('Ok.\n\nDe : Relais <crisis@relais.example>\nEnvoyé : mardi')).toBe('Ok.');
  });

  it('leaves a mail without a quote as it is, trimmed', () => {
    expect(stripQuotedReply('  Bonjour,\n\n\n\nma question.  \n')).toBe('Bonjour,\n\nma question.');
  });
});

describe('questionFromMail', () => {
  it('is the subject, then the body', () => {
    expect(questionFromMail('Droit passerelle', 'Ai-je droit ?\n> cité', 100)).toBe(
      'Droit passerelle\n\nAi-je droit ?',
    );
  });

  it('is cut to the longest question an inquiry holds', () => {
    expect(questionFromMail('', 'x'.repeat(50), 10)).toHaveLength(10);
  });

  it('is never empty', () => {
    expect(questionFromMail('', '', 100)).toBe('(…)');
  });
});
