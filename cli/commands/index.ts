/** Every command, in the order `--help` lists them. Add a command here. */
import type { CommandSpec } from '../commandSpec.js';
import { calibrateCommand } from './calibrate.js';
import { checkCommand } from './check.js';
import { conformCommand } from './conform.js';
import { decomposeCommand } from './decompose.js';
import { densityCommand } from './density.js';
import { dynamicsCommand } from './dynamics.js';
import { ksCommand } from './ks.js';
import { lawCommand } from './law.js';
import { reportCommand } from './report.js';
import { spectrumCommand } from './spectrum.js';
import { topEigenvaluesCommand } from './topEigenvalues.js';

export const COMMAND_SPECS: readonly CommandSpec[] = [reportCommand, spectrumCommand, topEigenvaluesCommand, densityCommand, decomposeCommand, checkCommand, dynamicsCommand, lawCommand, ksCommand, calibrateCommand, conformCommand];
