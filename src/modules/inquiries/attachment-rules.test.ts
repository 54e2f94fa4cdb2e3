import { describe, expect, it } from 'vitest';
import { DOCUMENTS, zipOf } from '../../test-support/documents.js';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachment-rules.js';

const codeOf = (name: string, bytes: Uint8Array) => checkAttachment(name, bytes).problem?.code;

describe('attachments', () => {
  it('accepts the scans, photos and documents a crisis service receives, typed by what they are', () => {
    const accepted = (name: string, bytes: Uint8Array) => checkAttachment(name, bytes).accepted;
    expect(accepted('attestation.pdf', DOCUMENTS.pdf)).toEqual({
      filename: 'attestation.pdf',
      contentType: 'application/pdf',
    });
    expect(accepted('Scan.PNG', DOCUMENTS.png)?.contentType).toBe('image/png');
    expect(accepted('photo.jpeg', DOCUMENTS.jpeg)?.contentType).toBe('image/jpeg');
    expect(accepted('IMG_0042.HEIC', DOCUMENTS.heic)?.contentType).toBe('image/heic');
    expect(accepted('fax.tif', DOCUMENTS.tiff)?.contentType).toBe('image/tiff');
    expect(accepted('capture.gif', DOCUMENTS.gif)?.contentType).toBe('image/gif');
    expect(accepted('note.txt', DOCUMENTS.text)?.contentType).toBe('text/plain');
    expect(accepted('export.csv', DOCUMENTS.csvWindows1252)?.contentType).toBe('text/csv');
    expect(accepted('lettre.docx', DOCUMENTS.docx)?.contentType).toContain('wordprocessingml');
    expect(accepted('chiffres.xlsx', DOCUMENTS.xlsx)?.contentType).toContain('spreadsheetml');
    expect(accepted('plan.pptx', DOCUMENTS.pptx)?.contentType).toContain('presentationml');
    expect(accepted('lettre.odt', DOCUMENTS.odt)?.contentType).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    expect(accepted('chiffres.ods', DOCUMENTS.ods)).toBeDefined();
    expect(accepted('plan.odp', DOCUMENTS.odp)).toBeDefined();
  });

  it('refuses programs by name, as Windows would save them, or by content', () => {
    expect(codeOf('setup.exe', DOCUMENTS.pdf)).toBe('inquiries.attachment_executable');
    expect(codeOf('facture.bat.', DOCUMENTS.batch)).toBe('inquiries.attachment_executable');
    expect(codeOf('facture.cmd . ', DOCUMENTS.batch)).toBe('inquiries.attachment_executable');
    expect(codeOf('facture.exe::$DATA', DOCUMENTS.pdf)).toBe('inquiries.attachment_executable');
    expect(codeOf('facture.exe:attestation.pdf', DOCUMENTS.pdf)).toBe('inquiries.attachment_executable');
    expect(codeOf('facture\u202Efdp.exe', DOCUMENTS.pdf)).toBe('inquiries.attachment_executable');
    expect(codeOf('facture.e\u200Bxe', DOCUMENTS.pdf)).toBe('inquiries.attachment_executable');
    expect(codeOf('facture\uFF0E\uFF45\uFF58\uFF45', DOCUMENTS.pdf)).toBe('inquiries.attachment_executable');
    expect(codeOf('attestation.pdf', DOCUMENTS.windowsProgram)).toBe('inquiries.attachment_executable');
    expect(codeOf('run.txt', DOCUMENTS.script)).toBe('inquiries.attachment_executable');
  });

  it('refuses every other type, whatever the name hides, naming the file and the accepted types', () => {
    for (const name of [
      'page.html',
      'image.svg',
      'archive.zip',
      'disque.iso',
      'lettre.rtf',
      'README',
      'facture.pdf.js',
    ])
      expect(codeOf(name, DOCUMENTS.text), name).toMatch(/attachment_(type|executable)$/);
    expect(checkAttachment('page.html.', DOCUMENTS.text).problem).toEqual({
      field: 'filename',
      code: 'inquiries.attachment_type',
      params: { file: 'page.html', types: expect.stringContaining('PDF') },
    });
  });

  it('refuses office documents that can hold macros, however they are named', () => {
    for (const name of ['contrat.docm', 'calcul.xlsm', 'vieux.doc', 'vieux.xls', 'show.pptm'])
      expect(codeOf(name, DOCUMENTS.ole2), name).toBe('inquiries.attachment_macros');
    expect(codeOf('contrat.docx', DOCUMENTS.docxWithMacros)).toBe('inquiries.attachment_macros');
    expect(codeOf('lettre.odt', DOCUMENTS.odtWithMacros)).toBe('inquiries.attachment_macros');
  });

  it('refuses a file whose content is not what its name says', () => {
    expect(checkAttachment('fake.pdf', DOCUMENTS.png).problem).toEqual({
      field: 'content_base64',
      code: 'inquiries.attachment_mismatch',
      params: { file: 'fake.pdf', extension: 'pdf' },
    });
    expect(codeOf('photo.jpg', DOCUMENTS.png)).toBe('inquiries.attachment_mismatch');
    expect(codeOf('binary.txt', new Uint8Array([0x41, 0x00, 0x42]))).toBe('inquiries.attachment_mismatch');
    expect(codeOf('utf16.txt', Buffer.from('\uFEFFBonjour', 'utf16le'))).toBe(
      'inquiries.attachment_mismatch',
    );
    expect(codeOf('facture.docx', DOCUMENTS.zipOfProgram)).toBe('inquiries.attachment_mismatch');
    expect(codeOf('facture.docx', DOCUMENTS.xlsx)).toBe('inquiries.attachment_mismatch');
    expect(codeOf('lettre.odt', DOCUMENTS.ods)).toBe('inquiries.attachment_mismatch');
    expect(
      codeOf(
        'lettre.odt',
        zipOf([
          ['content.xml', '<x/>'],
          ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ]),
      ),
    ).toBe('inquiries.attachment_mismatch');
    expect(codeOf('lettre.docx', DOCUMENTS.pdf)).toBe('inquiries.attachment_mismatch');
    expect(codeOf('tronque.docx', DOCUMENTS.docx.subarray(0, 60))).toBe('inquiries.attachment_mismatch');
  });

  it('refuses empty and oversized files', () => {
    expect(codeOf('empty.pdf', new Uint8Array())).toBe('inquiries.attachment_empty');
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(DOCUMENTS.pdf);
    expect(codeOf('big.pdf', big)).toBe('inquiries.attachment_too_large');
  });
});
