import { plural } from '../plural';

// The visit journal at the booth (reason and result of each served visit, the visitor's name and
// contact where the office keeps them) and the visitor's rating on the live ticket page.
export const visits = {
  form: {
    heading: 'Visit {code}',
    key: 'Record',
    reason: 'Reason',
    result: 'Result',
    choose: '— choose —',
    other: 'Other (describe)',
    details: 'Details',
    name: 'Visitor’s name',
    contact: 'Phone or e-mail',
    kept: plural({ one: 'Name and contact are kept for {count} day', other: 'Name and contact are kept for {count} days' }),
    save: 'Save',
    saved: 'Saved',
    recorded: 'Recorded at {time}',
    needReason: 'Choose a reason or describe it.',
    needResult: 'Choose a result or describe it.',
    loadFailed: 'The lists of reasons and results could not be loaded.',
  },
  journal: {
    entry: '{reason} → {result}',
    repeat: 'repeat visit',
  },
  rating: {
    heading: 'How was your visit?',
    scores: {
      s1: 'Very bad',
      s2: 'Bad',
      s3: 'So-so',
      s4: 'Good',
      s5: 'Great',
    },
    comment: 'Anything to add? (optional)',
    send: 'Send',
    choose: 'Choose a score from 1 to 5.',
    thanks: 'Thank you! You rated this visit {score} of 5.',
    tooMany: 'Too many attempts. Please try again in a minute.',
    failed: 'The rating could not be sent. Please try again.',
  },
} as const;
