/**
 * The file-format layer: readers for what a researcher brings from PyTorch/NumPy
 * (safetensors state_dicts, .npy data). Every problem is a FormatError (file, field, fix).
 */
export { FormatError } from './formatError.js';
export { DEFAULT_FORMAT_BUDGET_BYTES } from './budget.js';
export { readSafetensors, readSafetensorsFile, precisionNote, MAX_HEADER_BYTES } from './safetensors.js';
export { readNpyFloat, readNpyFloatFile, readNpyLabels, readNpyLabelsFile, readNpyHeader, MAX_NPY_HEADER_BYTES } from './npy.js';
export type { SafetensorsContents, SafetensorsDtype, SafetensorsReadOptions, SafetensorsTensor } from './safetensors.js';
export type { NpyFloatArray, NpyHeader, NpyLabelArray, NpyReadOptions, NpyType } from './npy.js';
export { sequentialLinearLayers, flattenLinearLayers } from './sequentialLinear.js';
export type { LinearLayer } from './sequentialLinear.js';
