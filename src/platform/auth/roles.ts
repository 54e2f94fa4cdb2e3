import { ROLES, type Role } from './contract.js';

// The vocabulary is the auth contract's (the web app reads it too); the server's code takes it from here.
export { ROLES, type Role };
export const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);
