/**
 * Bug reports, written the way customers write them: a symptom, sometimes numbered steps,
 * a version and the exact error text. Product support needs all of it, so the demo's summary
 * has something to carry over.
 */
import { fill } from '../rng.js';
import { finishDraft, sentence } from './compose.js';
import type { Theme } from './theme.js';

interface Bug {
  subjects: readonly string[];
  symptoms: readonly string[];
  steps: readonly (readonly string[])[];
  expected: string;
  actual: string;
  errors: readonly string[];
  chat: readonly string[];
  /** Where it happens, when the app version is not the point (hardware, API). */
  environment?: readonly string[];
}

const BUGS: readonly Bug[] = [
  {
    subjects: ['Sync error E-1042', 'Stock not syncing between devices', 'Sync conflict error', 'Counts wrong after sync'],
    symptoms: [
      'Since this afternoon the app shows a sync error and stock counts differ between the iPad and the web app.',
      'Every time we finish a count on the handheld, the numbers on the web are different.',
      'Stock levels are not syncing. One device shows {n} units, the other shows 0.',
    ],
    steps: [
      ['Count a product on the iPad', 'Tap "Save count"', 'Open the same product in the web app'],
      ['Receive a delivery on {app}', 'Wait a minute', 'Check the stock level on another device'],
    ],
    expected: 'the same quantity everywhere',
    actual: 'the web app still shows the old number and the iPad shows a red sync icon',
    errors: ['E-1042: Sync conflict (item revision mismatch)', 'Sync failed. Please try again later. (E-1042)'],
    chat: ['sync error E-1042 keeps coming back', 'stock not syncing between ipad and web since today'],
  },
  {
    subjects: ['Label printer prints blank labels', 'LP4 printing nothing', 'Labels come out empty', 'Printer error E-2210'],
    symptoms: [
      'The {printer} feeds labels but they come out blank.',
      'Printing from Stockroom to our label printer stopped working after the update.',
      'The printer prints every second label only, the others are skipped.',
    ],
    steps: [
      ['Open a product', 'Click "Print labels", quantity 10', 'Choose the LP4 printer and 4x6 size'],
      ['Select several products', 'Print barcode labels', 'Look at the output'],
    ],
    expected: '10 labels with barcodes',
    actual: 'blank labels, or the error below',
    errors: ['E-2210: Printer not responding', 'Print job failed: unsupported media size (E-2214)'],
    environment: ['{printer} on USB, printing from the web app in {browser} on Windows 11.', 'Printer firmware 3.1.2, printing from the Windows desktop app.'],
    chat: ['label printer prints blank labels since update', 'getting E-2210 printer not responding'],
  },
  {
    subjects: ['CSV import fails', 'Import error', 'Import drops rows', 'Product import not working'],
    symptoms: [
      'Importing our product CSV fails halfway.',
      'The import says it succeeded but about a third of our products are missing.',
      'SKUs with leading zeros lose the zeros after import, so barcodes no longer match.',
    ],
    steps: [
      ['Go to Products > Import', 'Upload the CSV (about {seats}00 rows, UTF-8)', 'Map the columns and click Import'],
      ['Download the import template', 'Fill in our products', 'Import it'],
    ],
    expected: 'all rows imported as in the file',
    actual: 'rows are skipped without any message, or the import stops with an error',
    errors: ["E-3007: Import failed: column 'sku' missing", 'Row 214: invalid value for "quantity"', 'Something went wrong (ref 7f3a-91c2)'],
    chat: ['csv import skipping rows', "import says column 'sku' missing but its there"],
  },
  {
    subjects: ['App crashes on launch', 'iOS app crash', 'Stockroom keeps closing', 'Crash when scanning'],
    symptoms: [
      '{app} crashes as soon as I open the scanner screen.',
      'Since updating to {version} the app closes by itself after a few seconds.',
      'The app freezes and then crashes when I scan a barcode with the camera.',
    ],
    steps: [
      ['Open the app', 'Tap "Scan"', 'Point the camera at any barcode'],
      ['Log in', 'Go to Counts', 'Start a new count'],
    ],
    expected: 'the product to open',
    actual: 'the app closes to the home screen',
    errors: ['No error, it just closes.', 'Unexpected error occurred. Code: 0x8BADF00D'],
    chat: ['app crashes every time i open scan', 'stockroom closes itself after update'],
  },
  {
    subjects: ['T8 terminal freezes after update', 'POS frozen', 'Terminal stuck on logo', 'Firmware update problem'],
    symptoms: [
      'Our T8 terminal froze after the firmware update and is stuck on the Northwind logo.',
      'After the update the card reader on the T8 is not detected.',
      'The T8 restarts by itself in the middle of a sale.',
    ],
    steps: [
      ['Install the firmware update offered on the terminal', 'Terminal restarts', 'Wait'],
      ['Start a sale', 'Add two items', 'Choose card payment'],
    ],
    expected: 'normal start-up / payment screen',
    actual: 'stuck on the logo, or "Reader not connected"',
    errors: ['Reader not connected (E-5101)', 'Firmware 2.4.0 verification failed'],
    environment: ['Terminal firmware 2.4.0, T8 serial number T8-{last4}.', 'T8 on firmware 2.4.0, connected by Ethernet, till software up to date.'],
    chat: ['T8 stuck on logo after update', 'terminal says reader not connected E-5101'],
  },
  {
    subjects: ['Report totals are wrong', 'Sales report mismatch', 'Wrong dates in reports', 'Timezone issue in reports'],
    symptoms: [
      'The daily sales report shows sales from after midnight on the previous day.',
      'The stock value report total does not match the sum of the lines.',
      'Reports exported to CSV have different totals than on screen.',
    ],
    steps: [
      ['Open Reports > Sales', 'Pick yesterday', 'Compare with the till receipts'],
      ['Export the stock value report', 'Add up the value column in Excel'],
    ],
    expected: 'the same totals',
    actual: 'a difference of a few hundred dollars',
    errors: ['No error shown.'],
    chat: ['sales report totals dont match the tills', 'report dates look off by a day'],
  },
  {
    subjects: ['API returns 500', 'Webhooks not firing', 'Integration broken', 'Purchase order API error'],
    symptoms: [
      'Our integration gets HTTP 500 from the stock endpoint since this evening.',
      'Webhooks for "stock.updated" stopped arriving at our endpoint around 19:00.',
      'POST /v2/purchase-orders returns 502 Bad Gateway about half the time.',
    ],
    steps: [
      ['Call GET /v2/stock?location=main with our API key', 'Look at the response'],
      ['Change the stock of any product', 'Watch our webhook endpoint logs'],
    ],
    expected: 'a 200 response / a webhook delivery',
    actual: 'an error response, or no delivery at all',
    errors: ['{"error":"internal_error","request_id":"req_8d1f0c"}', 'HTTP 502 Bad Gateway'],
    environment: ['API v2, called from our own integration (Node 20) with an API key.', 'API v2 from our server in {city}, nothing changed on our side since last week.'],
    chat: ['your api returns 500 since tonight', 'webhooks stopped firing'],
  },
  {
    subjects: ['Scanner drops characters', 'Barcode scans wrong', 'Scanner adds extra digits'],
    symptoms: [
      'Our {scanner} sometimes drops the last digit of the barcode, so the wrong product is found.',
      'Scanning into the web app produces doubled characters.',
    ],
    steps: [['Open a count in the web app', 'Scan 20 products quickly with the {scanner}', 'Look at the scanned codes']],
    expected: 'the full 13-digit barcode',
    actual: '12 digits or doubled digits',
    errors: ['Product not found'],
    environment: ['{scanner} firmware 1.8, web app in {browser}.', '{scanner} in keyboard (HID) mode, scanning into the web app in {browser}.'],
    chat: ['scanner drops last digit of barcode', 'scans show up doubled in web app'],
  },
];

const OPENERS = [
  'I think we have found a bug.',
  'Reporting a problem we hit tonight.',
  'Not sure if this is known already.',
  'Sorry for the long e-mail, I wanted to give you all the details.',
  'Something broke for us today.',
] as const;

const ASKS = [
  'Is this a known issue?',
  'Can you pass this to your developers?',
  'Any workaround until it is fixed?',
  'Happy to send screenshots or a screen recording.',
  'Let me know if you need logs.',
  'This is blocking us, so a quick fix would be great.',
] as const;

const BUG_FOLLOW_UPS = {
  calm: ['One more detail: it also happens on a second device.', 'Attaching a screenshot here (see attachment).', 'We restarted everything, same result.'],
  angry: ["I've tried clearing the cache, reinstalling, restarting. This isn't working and we are losing sales."],
  rate: 0.12,
  angryShare: 0.35,
  angryTeam: 'product_support' as const,
};

export const bugReportTheme: Theme = (ctx) => {
  const { rng, vars, channel } = ctx;
  const f = (t: string): string => fill(t, vars);
  const bug = rng.pick(BUGS);
  const error = f(rng.pick(bug.errors));
  const why = 'Defect report (symptom, often with steps, version and error text); only product support can act on it.';

  if (channel === 'chat') {
    const line = f(rng.pick(bug.chat));
    const body = rng.chance(0.4) ? `${line}. version ${vars.version ?? ''} on ${vars.os ?? ''}` : line;
    return finishDraft(ctx, { subject: `Chat with ${ctx.person.name}`, body, tone: 'calm', why }, BUG_FOLLOW_UPS);
  }

  const pieces: string[] = [];
  if (channel === 'email' && rng.chance(0.5)) pieces.push(rng.pick(OPENERS));
  pieces.push(sentence(f(rng.pick(bug.symptoms))));
  if (rng.chance(0.7)) {
    const steps = rng.pick(bug.steps).map((s, i) => `${i + 1}. ${f(s)}`);
    pieces.push(`${rng.pick(['Steps to reproduce:', 'How to reproduce:', 'What I do:', 'Steps:'])}\n${steps.join('\n')}`);
  }
  if (rng.chance(0.55)) pieces.push(`Expected: ${f(bug.expected)}\nActual: ${f(bug.actual)}`);
  if (error.startsWith('No error')) pieces.push(error);
  else if (rng.chance(0.8)) pieces.push(rng.pick([`The error says: "${error}"`, `Error message: ${error}`, `We get this error:\n${error}`]));
  if (bug.environment && rng.chance(0.75)) pieces.push(f(rng.pick(bug.environment)));
  else if (!bug.environment && rng.chance(0.75)) {
    pieces.push(
      f(rng.pick([
        'Version: {version}, {os}',
        'We are on {app} version {version} ({os}).',
        'Environment: {app} {version} / {os} / {browser}',
        'App version {version}, device on {os}.',
      ])),
    );
  }
  if (rng.chance(0.7)) pieces.push(rng.pick(ASKS));
  const subject = f(rng.pick(bug.subjects));
  return finishDraft(ctx, { subject, body: pieces.join('\n\n'), tone: 'calm', why }, BUG_FOLLOW_UPS);
};
