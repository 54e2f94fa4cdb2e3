import { describe, expect, it } from 'vitest';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachment-rules.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const pdf = new TextEncoder().encode('%PDF-1.7\n…');

describe('attachments', () => {
  it('accepts a PDF, a scan and a text file that are what they say', () => {
    expect(checkAttachment('attestation.pdf', 'application/pdf', pdf)).toBeNull();
    expect(checkAttachment('scan.png', 'image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d))).toBeNull();
    expect(checkAttachment('note.txt', 'text/plain', new TextEncoder().encode('Bonjour'))).toBeNull();
  });

  it('refuses programs by name or by content, whatever type they claim', () => {
    expect(checkAttachment('setup.exe', 'application/pdf', pdf)?.code).toBe(
      'inquiries.attachment_executable',
    );
    expect(checkAttachment('attestation.pdf', 'application/pdf', bytes(0x4d, 0x5a, 0x90, 0x00))?.code).toBe(
      'inquiries.attachment_executable',
    );
    expect(
      checkAttachment('run.txt', 'text/plain', new TextEncoder().encode('#!/bin/sh\nrm -rf /'))?.code,
    ).toBe('inquiries.attachment_executable');
  });

  it('refuses other types, mismatched content, empty and oversized files', () => {
    expect(checkAttachment('page.html', 'text/html', new TextEncoder().encode('<p>'))?.field).toBe(
      'content_type',
    );
    expect(checkAttachment('fake.pdf', 'application/pdf', bytes(0x50, 0x4b, 0x03, 0x04))?.code).toBe(
      'inquiries.attachment_mismatch',
    );
    expect(checkAttachment('binary.txt', 'text/plain', bytes(0x41, 0x00, 0x42))?.code).toBe(
      'inquiries.attachment_mismatch',
    );
    expect(checkAttachment('empty.pdf', 'application/pdf', bytes())?.code).toBe('inquiries.attachment_empty');
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(pdf);
    expect(checkAttachment('big.pdf', 'application/pdf', big)?.code).toBe('inquiries.attachment_too_large');
  });
});
