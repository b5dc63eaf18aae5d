/**
 * "How do I ...?" questions the Help Center answers. When the customer comes back saying the
 * article did not work, it is no longer a how-to: product support takes it.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const HOWTO_FOLLOW_UPS = {
  calm: ['Found it, thanks!', 'That article helped, one more question: does it work on the {plan} plan too?', 'Perfect, that worked.'],
  angry: [
    "I've tried that already. The option in the article does not exist in my version ({version}).",
    'Followed every step of the guide twice. Still does not work. This is a waste of my evening.',
    'This isn\'t working. The button is greyed out no matter what I do.',
  ],
  rate: 0.14,
  angryShare: 0.45,
  angryTeam: 'product_support' as const,
};

const TOPICS: readonly Scenario[] = [
  {
    why: 'How to export inventory; answered by a Help Center article.',
    subjects: ['Export inventory to CSV', 'How to export stock list', 'Export question', 'Download my product list?'],
    problems: [
      'How do I export my full inventory list to a CSV or Excel file?',
      'I need to send our stock levels to our accountant. Is there a way to export them?',
      'Is it possible to download all products with quantities per location?',
      'Where is the export button? I remember there was one in the old version.',
    ],
    details: ['We have around {seats}00 products.', 'I am on {app}.', 'We are on the {plan} plan.'],
    asks: ['Thanks!', 'A link to a guide would be great.', 'Step by step would help, I am not very technical.'],
    chat: ['how do i export inventory to csv', 'can i export my stock list to excel?', 'where is export'],
    thread: {
      agent: ['You can export your products from Products > Export. Choose CSV or Excel and the columns you need; the file is e-mailed to you when it is ready.'],
      replies: ['Thanks. Can the export include stock per location, or only the total?', 'Found it, thank you. Is there a way to schedule it weekly?'],
    },
  },
  {
    why: 'Pairing a scanner with the app; answered by a Help Center article.',
    subjects: ['Connect scanner to iPad', 'Pairing my {scanner}', 'Bluetooth scanner setup', 'How to pair scanner'],
    problems: [
      'How do I pair the {scanner} with {app}? It does not show up in Bluetooth.',
      'I just unboxed a new {scanner}. What is the right way to connect it to Stockroom?',
      'Which mode should the scanner be in to work with the iPad app? HID or SPP?',
      'We bought a second scanner. Can two scanners be connected to one tablet?',
    ],
    details: ['The scanner beeps when I scan but nothing appears in the app.', 'The tablet is on {os}.', 'It came with a little booklet of barcodes but no instructions for your app.'],
    asks: ['What am I missing?', 'Is there a setup guide?', 'Thanks in advance.'],
    chat: ['how do i connect the {scanner} to my ipad', 'scanner pairing help', 'which barcode do i scan to pair the scanner'],
  },
  {
    why: 'Setting up low-stock alerts; answered by a Help Center article.',
    subjects: ['Low stock alerts', 'Reorder notifications', 'Can I get an alert when stock is low?'],
    problems: [
      'Can Stockroom e-mail me when a product drops below a certain quantity?',
      'How do I set a reorder point for each product?',
      'I would like to get a notification when we are running out of {item} stock. Is that possible?',
    ],
    asks: ['Where do I set this up?', 'Can it go to two e-mail addresses?', 'Thanks.'],
    chat: ['how to set low stock alert', 'can i get notified when stock is low'],
  },
  {
    why: 'Printing barcode labels; answered by a Help Center article.',
    subjects: ['Printing barcode labels', 'Label printing help', 'How to print labels from Stockroom', 'Label size settings'],
    problems: [
      'How do I print barcode labels for my products from Stockroom on the {printer}?',
      'What label size should I choose in the print settings for the 4x6 rolls?',
      'Can I print a label for every unit when I receive a delivery?',
      'How do I add the price to the barcode label?',
    ],
    details: ['The printer is plugged into our back-office PC by USB.', 'We print about {seats}0 labels a week.'],
    asks: ['Thanks!', 'Is there a template I can use?', 'Any tips appreciated.'],
    chat: ['how do i print barcode labels', 'what label size for 4x6 rolls?', 'can i add price on labels'],
  },
  {
    why: 'Adding a staff user; answered by a Help Center article.',
    subjects: ['Add a new user', 'How to invite staff', 'Add employee to account', 'User permissions'],
    problems: [
      'How do I add a new member of staff to our Stockroom account?',
      'I want to give our new shift manager access but only to counting, not prices. How?',
      'How many users can I have on the {plan} plan and where do I add them?',
    ],
    asks: ['Thanks a lot.', 'Where is this in the settings?', 'Cheers.'],
    chat: ['how to add a user', 'how do i invite my employee', 'can staff have limited access'],
  },
  {
    why: 'Connecting the online shop integration; answered by a Help Center article.',
    subjects: ['Shopify integration', 'Connect online store', 'Sync with WooCommerce?', 'Integration setup'],
    problems: [
      'How do I connect Stockroom to our Shopify store so stock levels sync?',
      'Is there a way to sync stock with WooCommerce? I could not find it in the settings.',
      'We opened a webshop. How do I make online orders take stock off automatically?',
    ],
    details: ['We are on {plan}.', 'We have about {seats}00 SKUs online.'],
    asks: ['Is there a guide?', 'What do I need to set up first?'],
    chat: ['how do i connect shopify', 'does stockroom sync with woocommerce'],
  },
  {
    why: 'Importing products in bulk; answered by a Help Center article.',
    subjects: ['Bulk import products', 'CSV import template', 'Uploading my product list'],
    problems: [
      'Is there a template for importing products from a spreadsheet?',
      'How do I bulk upload {seats}00 products instead of typing them one by one?',
      'What columns does the product import need?',
    ],
    asks: ['Thanks.', 'A sample file would be great.'],
    chat: ['how to bulk import products', 'csv template for import?'],
  },
  {
    why: 'Setting up a new location, offline mode or receipts; answered by a Help Center article.',
    subjects: ['Quick question', 'How do I ...?', 'Setup question', 'Help with settings'],
    problems: [
      { subject: 'Second location setup', text: 'We are opening a second shop. How do I add a location and move stock between them?' },
      { subject: 'Offline mode?', text: 'Does the T8 terminal keep working if the internet goes down? How do I turn on offline mode?' },
      { subject: 'Change logo on receipts', text: 'How can I put our logo on the printed receipts?' },
      { subject: 'Setting up the cash drawer', text: 'How do I make the cash drawer open automatically after a cash sale?' },
      { subject: 'Counting during opening hours', text: 'Can I do a stock count with the app without stopping sales?' },
    ],
    asks: ['Thanks!', 'Is there an article for this?', 'Appreciate any help.'],
    chat: ['how to add a second location', 'is there offline mode on the T8', 'how do i change receipt logo', 'cash drawer wont open on sale, how to set it'],
  },
];

export const howToTheme = scenarioTheme(TOPICS, HOWTO_FOLLOW_UPS);
