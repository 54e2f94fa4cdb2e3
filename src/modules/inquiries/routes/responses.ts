import { Type } from 'typebox';
import { problemResponses } from '../../../platform/http/validation.js';

/** The problems any inquiries route may answer. */
export const inquiryProblems = problemResponses(400, 401, 403, 404, 409);

/** The answer of a step taken: 204, nothing to say. */
export const Done = { 204: Type.Null(), ...inquiryProblems };
