/** cncouple public library API. */
export * from './chem/index.js';
