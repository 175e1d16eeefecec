import { clockSeam } from '../clock';

/** The clock of the Projects transport (rate pacing and retry backoff). */
const seam = clockSeam();
export const projectsClock = seam.get;
export const setProjectsClock = seam.set;
