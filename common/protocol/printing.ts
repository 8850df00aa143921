// Printing between the server and its print agents: the jobs the server sends, the results and
// printer statuses the agents report, and what staff see of the printers. The server renders every
// word of a ticket (it knows the office, the catalogue and the time zone); the agent only lays the
// words out for its own printer model.
import { z } from 'zod';
import { id, lang, storableText } from './schemas';

const printedText = z.string().max(500);

/** A ticket's printed words, rendered in the ticket's language (the layout's TicketPrintData). */
export const ticketPrintDataSchema = z
  .object({
    officeName: printedText,
    officeAddress: printedText,
    phones: z.array(printedText).max(10),
    ticketCode: printedText,
    serviceName: printedText,
    issuedAt: printedText,
    // Lines an office may leave off its tickets are optional.
    peopleAhead: z.number().int().min(0).optional(),
    expectedWait: printedText.optional(),
    liveUrl: z.string().max(2000).optional(),
    footer: z.array(printedText).max(4).optional(),
    /** A 1-bit raster, rows of `widthBytes` bytes, base64. */
    logo: z.object({ widthBytes: z.number().int().min(1).max(72), height: z.number().int().min(1).max(800), data: z.string().max(80_000) }).strict().optional(),
    language: lang,
    labels: z.object({
      ticketNumber: printedText,
      issuedAt: printedText,
      peopleAhead: printedText,
      expectedWait: printedText,
      phones: printedText,
      liveStatus: printedText,
    }),
  })
  .strict();
export type PrintedTicket = z.infer<typeof ticketPrintDataSchema>;

/** What to print: a visitor's ticket, or a test page the agent lays out from its printer profile. */
export const printJobPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticketId: id, ticket: ticketPrintDataSchema }).strict(),
  z.object({ kind: z.literal('test-page') }).strict(),
]);
export type PrintJobPayload = z.infer<typeof printJobPayloadSchema>;

/** One job as pushed to its agent; the id is the job's identity end to end, from the server's
 * table through the agent's file of printed jobs, so a job id prints at most once. */
export const printJobSchema = z.object({ jobId: id, createdAt: z.number(), payload: printJobPayloadSchema }).strict();
export type PrintJob = z.infer<typeof printJobSchema>;

export const PAPER_STATES = ['ok', 'near-end', 'out', 'unknown'] as const;

/** The printer as its agent last read it (ESC/POS DLE EOT, or Star ASB). */
export const printerStatusSchema = z
  .object({
    online: z.boolean(),
    paper: z.enum(PAPER_STATES),
    coverOpen: z.boolean().optional(),
    error: storableText.max(500).optional(),
  })
  .strict();
export type PrinterStatusReport = z.infer<typeof printerStatusSchema>;

/** `printer:status` from an agent: its printer's state and which profile the agent prints with. */
export const printerReportSchema = z
  .object({ model: storableText.min(1).max(100), paper: storableText.min(1).max(20), status: printerStatusSchema })
  .strict();
export type PrinterReport = z.infer<typeof printerReportSchema>;

export const PRINT_FAILURE_REASONS = ['paper-out', 'offline', 'timeout', 'error'] as const;

/** `print:result` from an agent: the outcome of one job. */
export const printJobResultSchema = z
  .object({
    jobId: id,
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), paper: z.enum(PAPER_STATES) }).strict(),
      z.object({ ok: z.literal(false), reason: z.enum(PRINT_FAILURE_REASONS), message: storableText.max(500) }).strict(),
    ]),
  })
  .strict();
export type PrintJobResult = z.infer<typeof printJobResultSchema>;

/** `print:claim` from an agent just before it prints a job: the server answers whether it still may
 * (not superseded by a reprint, not expired, its ticket still waiting); once claimed, it never is again. */
export const printJobClaimSchema = z.object({ jobId: id }).strict();
export type PrintJobClaim = z.infer<typeof printJobClaimSchema>;

/** `print:give-up` from a kiosk whose visitor has waited long enough for the paper. */
export const printGiveUpSchema = z.object({ ticketId: id }).strict();
export type PrintGiveUp = z.infer<typeof printGiveUpSchema>;

/** The answer to `print:give-up`: true when no job will print the ticket any more (the kiosk may say
 * "failed"); false when its printer is printing it right now (the kiosk waits for the result). */
export interface GaveUpPrinting {
  expired: boolean;
}

/** `print:public-url` to a kiosk on connect: where visitors' phones reach the server, for the live
 * page's QR code the kiosk shows when a ticket does not print (TALON_PUBLIC_URL or the LAN address). */
export interface PrintPublicUrl {
  publicUrl: string;
}

/** The live ticket page a visitor's phone opens: printed as the ticket's QR code, shown by the kiosk.
 * It names the office, whose API and socket namespace the page reads the ticket from. */
export function liveTicketUrl(publicUrl: string, officeId: string, ticketId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketId)}?office=${encodeURIComponent(officeId)}`;
}

/** POST /api/tickets/:ticketId/reprint; without agentId the printer that printed it before. */
export const reprintSchema = z.object({ agentId: id.optional() }).strict();

/** A print agent's printer as staff see it: GET /api/printers and the `printer:status` push. */
export interface PrinterInfo {
  agentId: string;
  name: string;
  zone: string | null;
  connected: boolean;
  /** Null until the agent has first reported its printer (the last report is stored with the device). */
  model: string | null;
  paper: string | null;
  status: PrinterStatusReport | null;
  reportedAt: number | null;
  /** Jobs waiting for the agent or being printed by it. */
  pendingJobs: number;
}

/** The answer to a reprint or test-page request: the job is stored and on its way to the agent. */
export interface QueuedPrintJob {
  jobId: string;
  agentId: string;
}
