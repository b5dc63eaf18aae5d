/**
 * Follow-ups any ticket can get: the customer writes again before anyone answered, or after
 * the automated answer did not help. The angry ones are the "tried that already / this isn't
 * working / SHOUTING" turns the policy must catch.
 */

export const CALM_FOLLOW_UPS: readonly string[] = [
  'Any update on this?',
  'Just following up on my message from earlier.',
  'Hi again, is there any news on this?',
  'Sorry, forgot to add: the e-mail on the account is {email}.',
  'Adding a detail in case it helps: this is for {org}.',
  'No rush, but could someone confirm you got my message?',
  'Quick bump on this one, thanks.',
  'Ok, I will wait for your reply. Thank you.',
];

export const ANGRY_FOLLOW_UPS: readonly string[] = [
  "I've tried that already and it still doesn't work.",
  'This isn\'t working. Can someone actually read what I wrote?',
  'STILL NOTHING. THIS IS RIDICULOUS.',
  'Hello?? It has been hours. Is anybody there at all?',
  "I have now asked twice. I'm getting really frustrated with this.",
  'Your automated answer does not help. I already did all of that before writing to you.',
  "I'M STILL WAITING FOR AN ANSWER.",
  'This is the third time I am writing about this. Terrible service.',
  'Tried your suggestion, same result. I need a real person to look at this please.',
  'Seriously? A canned reply? This is not what I asked.',
  'I did exactly what the article says. Still broken. Fed up.',
];
