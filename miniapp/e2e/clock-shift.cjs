/**
 * Preloaded (`node --require`) into the server that the browser tests start, and nowhere else: moves the whole
 * process's clock by E2E_CLOCK_OFFSET_MS, as if the machine's clock were set that much ahead or back. Everything that
 * reads the time then agrees with the browsers' clock: Nest's Clock, every `new Date()`, token times, and the
 * embedded database's datetime('now') (sql.js asks JavaScript's Date). Time still flows at normal speed.
 */
'use strict';

const offsetMs = Number(process.env.E2E_CLOCK_OFFSET_MS);
if (!Number.isFinite(offsetMs)) throw new Error(`E2E_CLOCK_OFFSET_MS must be a number of milliseconds, not ${process.env.E2E_CLOCK_OFFSET_MS}`);

const MachineDate = Date;

/** Date with "now" moved; dates built from arguments are untouched, and instances are ordinary Dates. */
function ShiftedDate(...args) {
  const now = MachineDate.now() + offsetMs;
  if (!new.target) return new MachineDate(now).toString(); // Date() called as a function
  return Reflect.construct(MachineDate, args.length === 0 ? [now] : args, new.target);
}
ShiftedDate.prototype = MachineDate.prototype;
Object.setPrototypeOf(ShiftedDate, MachineDate);
ShiftedDate.now = () => MachineDate.now() + offsetMs;

globalThis.Date = ShiftedDate;
