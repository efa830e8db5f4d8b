export { Rng, MAX_SEED } from './rng.js';
