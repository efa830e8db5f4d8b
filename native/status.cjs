// Prints ONE line after `npm ci`/`npm install` (the root package's postinstall): which float64
// backend the commands will use — the native LAPACK/OpenBLAS addon, or the portable TypeScript
// one — and, without the addon, why and the command that builds it. Never fails the install:
// without the addon everything runs, correctly, on the portable backend.
'use strict';
const fs = require('fs');
const path = require('path');

const addon = path.join(__dirname, 'build', 'Release', 'hc_lapack.node');
try {
  const info = require(addon).info();
  console.log(`hessian-conformance: backend native — LAPACK/OpenBLAS addon built (${info.config}; ${info.threads} threads)`);
} catch (e) {
  const linux = process.platform === 'linux';
  const missing = [
    ['/usr/include/lapacke.h', 'liblapacke-dev'],
    ['/usr/lib/x86_64-linux-gnu/libopenblas.so', 'libopenblas-dev'],
  ].filter(([f]) => linux && !fs.existsSync(f)).map(([, pkg]) => pkg);
  const onPath = (cmd) => (process.env.PATH || '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
  if (linux && !(onPath('g++') && onPath('make'))) missing.push('build-essential');
  const why = fs.existsSync(addon) ? `it does not load: ${String(e.message).split('\n')[0]}` : missing.length > 0 ? `missing ${missing.join(', ')}` : 'its build failed';
  const fix = linux
    ? `sudo apt-get install ${missing.length > 0 ? missing.join(' ') : 'liblapacke-dev libopenblas-dev'} && npm run build:native`
    : 'install LAPACKE and OpenBLAS development files and a C++ compiler, then npm run build:native';
  console.log(`hessian-conformance: backend portable — the native LAPACK addon was not built (${why}); every command works on the portable TypeScript backend, large spectra several times slower. For the native backend (Debian/Ubuntu): ${fix}`);
}
