// Entry point of the optional native backend: the compiled addon, or a thrown error saying
// why it is missing (the loader in src/linalg/native/loadNative.ts turns that into a note).
'use strict';
module.exports = require('./build/Release/hc_lapack.node');
