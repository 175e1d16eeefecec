import { clockSeam } from '../clock';

/** The clock of the CRM transport's retry waits (backoff and Retry-After). */
const seam = clockSeam();
export const crmClock = seam.get;
export const setCrmClock = seam.set;
