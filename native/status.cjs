// Prints ONE line after `npm ci`/`npm install` (the root package's postinstall): whether the
// optional native LAPACK backend was built, and if not, why and how to get it. Never fails the
// install: without the addon the suite runs on its portable backend.
'use strict';
const fs = require('fs');
const path = require('path');

const addon = path.join(__dirname, 'build', 'Release', 'hc_lapack.node');
try {
  const info = require(addon).info();
  console.log(`hessian-conformance: native LAPACK backend built (${info.config}; ${info.threads} threads)`);
} catch (e) {
  const missing = [
    ['/usr/include/lapacke.h', 'liblapacke-dev'],
    ['/usr/lib/x86_64-linux-gnu/libopenblas.so', 'libopenblas-dev'],
  ].filter(([f]) => process.platform === 'linux' && !fs.existsSync(f)).map(([, pkg]) => pkg);
  const why = fs.existsSync(addon) ? `it does not load: ${String(e.message).split('\n')[0]}` : 'the build was skipped or failed';
  const fix = missing.length > 0 ? `apt-get install ${missing.join(' ')} (and a C++ compiler), then npm ci again` : 'check a C++ compiler and node-gyp, then npm ci again';
  console.log(`hessian-conformance: native LAPACK backend not available (${why}); the portable backend will be used. To build it: ${fix}`);
}
