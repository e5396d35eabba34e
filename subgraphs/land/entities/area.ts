/**
 * Areas are stored as whole tenths of a square metre: certificates print one decimal, and an
 * integer column compares and sums the same on SQLite and MariaDB, where DECIMAL and REAL would
 * come back from the drivers as strings on one and binary floats on the other.
 */
export const toTenths = (areaM2: number): number => Math.round(areaM2 * 10);
export const fromTenths = (tenths: number | string): number => Number(tenths) / 10;

/** The largest area stored: 10,000 ha, far beyond any parcel a commune registers, well inside an INT. */
export const MAX_AREA_M2 = 100_000_000;
