// Small files of each kind an attachment can be, for tests: the first bytes each format starts
// with, and zip archives laid out as Word, Excel and LibreOffice write them (entries stored, not
// compressed: only their names and layout matter to the checks).

const bytes = (...values: number[]) => Buffer.from(values);

/** A zip archive of the given entries, in order, each stored uncompressed. */
export function zipOf(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const ooxml = (folder: string, main: string, extra: [string, string][] = []) =>
  zipOf([
    ['[Content_Types].xml', '<Types/>'],
    ['_rels/.rels', '<Relationships/>'],
    [`${folder}/${main}`, '<document/>'],
    ...extra,
  ]);
const openDocument = (mimetype: string, extra: [string, string][] = []) =>
  zipOf([
    ['mimetype', mimetype],
    ['content.xml', '<office:document-content/>'],
    ['META-INF/manifest.xml', '<manifest:manifest/>'],
    ...extra,
  ]);

export const DOCUMENTS = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
  jpeg: bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00'),
  tiff: bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0),
  heic: Buffer.concat([bytes(0, 0, 0, 24), Buffer.from('ftypheic\0\0\0\0mif1heic')]),
  text: Buffer.from('Bonjour,\r\nvoici mon numéro d’entreprise : 0403.170.701.\n'),
  /** A CSV as Excel writes it in Belgium: Windows-1252, semicolons (é is 0xE9). */
  csvWindows1252: Buffer.from('nom;montant\nB\xe9atrice;1291,69\n', 'latin1'),
  docx: ooxml('word', 'document.xml'),
  xlsx: ooxml('xl', 'workbook.xml'),
  pptx: ooxml('ppt', 'presentation.xml'),
  /** A .docx with macros inside (what Word saves as .docm). */
  docxWithMacros: ooxml('word', 'document.xml', [['word/vbaProject.bin', 'macros']]),
  odt: openDocument('application/vnd.oasis.opendocument.text'),
  ods: openDocument('application/vnd.oasis.opendocument.spreadsheet'),
  odp: openDocument('application/vnd.oasis.opendocument.presentation'),
  odtWithMacros: openDocument('application/vnd.oasis.opendocument.text', [
    ['Basic/Standard/Module1.xml', 'Sub'],
  ]),
  /** A zip of a program, renamed as a Word document. */
  zipOfProgram: zipOf([['facture.exe', 'MZ\x90\x00']]),
  /** An old Word or Excel file (OLE2), which may hold macros. */
  ole2: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
  windowsProgram: bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00),
  script: Buffer.from('#!/bin/sh\nrm -rf ~\n'),
  batch: Buffer.from('@echo off\r\nformat c: /q\r\n'),
};
