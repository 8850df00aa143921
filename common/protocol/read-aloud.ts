// What a kiosk asks the server to read aloud (POST /api/offices/<id>/kiosk/read-aloud): the current screen as a
// list of parts, each a catalogue text or a name from the office's configuration — never free text,
// so the speech engine only ever says what the catalogues and the office's admin wrote.
import { z } from 'zod';
import type { Lang } from './model';
import { id, lang } from './schemas';

/** Inside the kiosk's office: `/api/offices/<id>` + this path. */
export const READ_ALOUD_PATH = '/kiosk/read-aloud';

/** Sections the kiosk shows; any of their texts may be read, none from the staff app. */
export const SPOKEN_KEY = /^(kiosk|ticket|errors|common)\.[A-Za-z][A-Za-z.-]{0,60}$/;
/** A ticket code as the numbering writes it: an optional prefix letter, then the number. */
export const SPOKEN_TICKET_CODE = /^\p{Lu}?\d{1,4}$/u;

export const spokenPartSchema = z.union([
  /** A catalogue text; its placeholders are filled with numbers only (counts, window numbers). */
  z.object({ key: z.string().regex(SPOKEN_KEY), params: z.record(z.string().max(20), z.number().int().min(0).max(9999)).optional() }).strict(),
  /** A service's name as the office configured it. */
  z.object({ service: id }).strict(),
  /** The label of the kiosk group a service belongs to. */
  z.object({ groupOf: id }).strict(),
  /** A ticket code, spelled out as the hall announces it. */
  z.object({ ticket: z.string().regex(SPOKEN_TICKET_CODE) }).strict(),
]);
export type SpokenPart = z.output<typeof spokenPartSchema>;

export const readAloudSchema = z.object({ lang, parts: z.array(spokenPartSchema).min(1).max(40) }).strict();
export interface ReadAloudInput {
  lang: Lang;
  parts: SpokenPart[];
}
