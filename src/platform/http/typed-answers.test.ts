import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { findUntypedAnswers, nonJsonAnswer } from './typed-answers.js';

describe('findUntypedAnswers', () => {
  it('accepts typed JSON answers, an empty 204 and a redirect', () => {
    expect(findUntypedAnswers({ 200: Type.Object({ id: Type.String() }) })).toBeUndefined();
    expect(findUntypedAnswers({ 201: Type.Array(Type.String()), 400: {} })).toBeUndefined();
    expect(findUntypedAnswers({ 204: Type.Null() })).toBeUndefined();
    expect(findUntypedAnswers({ 200: Type.Union([Type.String(), Type.Null()]) })).toBeUndefined();
    expect(findUntypedAnswers({ 302: Type.Null() })).toBeUndefined();
  });

  it('accepts an answer that declares the media types it produces instead of JSON', () => {
    expect(findUntypedAnswers({ 200: nonJsonAnswer('the PDF', ['application/pdf']) })).toBeUndefined();
  });

  it('refuses a route without any successful answer declared', () => {
    expect(findUntypedAnswers(undefined)).toBe('declares no successful answer');
    expect(findUntypedAnswers({ 404: Type.Object({}) })).toBe('declares no successful answer');
  });

  it('refuses a 2xx answer that is unknown or any: it tells the reader of the API nothing', () => {
    expect(findUntypedAnswers({ 200: Type.Unknown() })).toBe('answers 200 without a schema');
    expect(findUntypedAnswers({ 200: Type.Any({ description: 'whatever' }), 202: Type.Unknown() })).toBe(
      'answers 200, 202 without a schema',
    );
    expect(findUntypedAnswers({ 200: nonJsonAnswer('nothing', []) })).toBe('answers 200 without a schema');
  });
});
