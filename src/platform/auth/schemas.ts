// The auth schemas are the auth contract's (contract.ts). The directory module's schemas still take
// RoleSchema from here; once they import the contract, this file goes.
export { RoleSchema } from './contract.js';
