import { describe, expect, it } from 'vitest';
import { extensionOf, MAX_FILENAME_LENGTH, nameAsSaved } from './attachment-name.js';

describe('the name an attachment is saved under', () => {
  it('drops the trailing dots and spaces Windows drops', () => {
    expect(nameAsSaved('facture.bat.')).toBe('facture.bat');
    expect(nameAsSaved('facture.exe . .')).toBe('facture.exe');
    expect(nameAsSaved('  attestation.pdf  ')).toBe('attestation.pdf');
  });

  it('reads an NTFS stream as the file it belongs to', () => {
    expect(nameAsSaved('evil.exe::$DATA')).toBe('evil.exe');
    expect(nameAsSaved('evil.exe:attestation.pdf')).toBe('evil.exe');
    expect(nameAsSaved('attestation.pdf:evil.exe')).toBe('attestation.pdf');
  });

  it('removes the invisible characters that disguise a name, and reads full-width letters as letters', () => {
    expect(nameAsSaved('facture\u202Efdp.exe')).toBe('facturefdp.exe');
    expect(nameAsSaved('facture.e\u200Bxe')).toBe('facture.exe');
    expect(nameAsSaved('\uFEFFfacture.pdf\u2066')).toBe('facture.pdf');
    expect(nameAsSaved('facture\uFF0E\uFF45\uFF58\uFF45')).toBe('facture.exe');
    expect(nameAsSaved('facture.p\u00ADdf')).toBe('facture.pdf');
  });

  it('keeps only the last part of a path, and replaces what Windows forbids', () => {
    expect(nameAsSaved('C:\\Users\\marie\\scan.pdf')).toBe('scan.pdf');
    expect(nameAsSaved('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(nameAsSaved('quoi?.pdf')).toBe('quoi_.pdf');
  });

  it('shortens a long name but keeps its extension', () => {
    const saved = nameAsSaved(`${'a'.repeat(300)}.pdf`);
    expect(saved).toHaveLength(MAX_FILENAME_LENGTH);
    expect(saved.endsWith('.pdf')).toBe(true);
  });

  it('takes the last extension, in lower case', () => {
    expect(extensionOf('Scan.JPEG')).toBe('jpeg');
    expect(extensionOf('facture.pdf.exe')).toBe('exe');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf(nameAsSaved('...'))).toBe('');
  });
});
