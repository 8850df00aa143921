// The period a regional question covers: local dates, both inclusive, each office counting them in
// its own time zone, as its own analytics does (the 24th is the 24th in Irkutsk and in Moscow).
import type { ReportInput } from '../analytics/measures';

export type Period = ReportInput['period'];
