/**
 * The seeded Help Center: the articles a mid-size SaaS + e-commerce support team actually
 * links to. Bodies are HTML, as Help Center stores them. The `how_to` playbook searches these.
 */

export interface SeedArticle {
  id: number;
  title: string;
  labels: string[];
  section: 'account' | 'orders' | 'billing' | 'data' | 'apps';
  body: string;
}

export const HELP_CENTER_SECTIONS = {
  account: 360_001_000_101,
  orders: 360_001_000_102,
  billing: 360_001_000_103,
  data: 360_001_000_104,
  apps: 360_001_000_105,
} as const;

const p = (...paragraphs: string[]): string => paragraphs.map((x) => (x.startsWith('<') ? x : `<p>${x}</p>`)).join('\n');
const ol = (...steps: string[]): string => `<ol>${steps.map((s) => `<li>${s}</li>`).join('')}</ol>`;

export const SANDBOX_ARTICLES: SeedArticle[] = [
  {
    id: 360_012_000_001,
    title: 'How to reset your password',
    labels: ['password', 'login', 'account access'],
    section: 'account',
    body: p(
      'If you forgot your password or it no longer works, you can reset it yourself in under a minute.',
      ol('Go to the sign-in page and click <strong>Forgot password?</strong>', 'Enter the email address you sign in with.', 'Open the reset email (check spam if it has not arrived after 5 minutes) and click <strong>Reset password</strong>.', 'Choose a new password of at least 12 characters.'),
      'The reset link expires after 60 minutes. If you no longer have access to that email address, contact support from the address on file or ask your account admin to update it.',
    ),
  },
  {
    id: 360_012_000_002,
    title: 'Unlocking your account after too many sign-in attempts',
    labels: ['locked', 'lockout', 'login', 'account access'],
    section: 'account',
    body: p(
      'After 5 failed sign-in attempts your account is locked for 30 minutes to protect it from password guessing.',
      'You can wait 30 minutes and try again, or unlock it immediately by resetting your password: the reset also clears the lock.',
      'If you see "Account suspended" instead of "Account locked", an admin suspended the account; ask your company admin to reactivate it.',
    ),
  },
  {
    id: 360_012_000_003,
    title: 'Setting up two-factor authentication (2FA)',
    labels: ['2fa', 'two-factor', 'security', 'authenticator'],
    section: 'account',
    body: p(
      'Two-factor authentication adds a one-time code from your phone to your password.',
      ol('Open <strong>Profile → Security</strong>.', 'Click <strong>Enable two-factor authentication</strong>.', 'Scan the QR code with an authenticator app such as Google Authenticator, 1Password or Authy.', 'Enter the 6-digit code and save your recovery codes somewhere safe.'),
    ),
  },
  {
    id: 360_012_000_004,
    title: 'Lost access to your two-factor authentication device',
    labels: ['2fa', 'two-factor', 'recovery codes', 'locked', 'account access'],
    section: 'account',
    body: p(
      'If you changed or lost your phone, sign in with one of the recovery codes you saved when you enabled 2FA. Each code works once.',
      'Without recovery codes, your company admin can reset 2FA for you from <strong>Admin → Users</strong>. For security reasons our support team must verify your identity before resetting 2FA on an account without an admin.',
    ),
  },
  {
    id: 360_012_000_005,
    title: 'Tracking your order',
    labels: ['order status', 'tracking', 'shipping', 'delivery'],
    section: 'orders',
    body: p(
      'Once your order ships you receive an email with a tracking number and a link to the carrier.',
      'You can also see every order under <strong>Account → Orders</strong>: the status shows <em>Processing</em>, <em>Shipped</em> (with the tracking link) or <em>Delivered</em>.',
      'Orders usually ship within 2 business days. If tracking has not updated for 5 business days, contact us with your order number and we will open a trace with the carrier.',
    ),
  },
  {
    id: 360_012_000_006,
    title: 'Shipping times and delivery options',
    labels: ['shipping', 'delivery', 'international'],
    section: 'orders',
    body: p(
      'Standard shipping takes 3–5 business days within the country and 7–14 business days internationally. Express shipping takes 1–2 business days.',
      'Delivery estimates start when the order ships, not when it is placed. Customs may add delays for international orders.',
    ),
  },
  {
    id: 360_012_000_007,
    title: 'Returning an item and getting a refund',
    labels: ['returns', 'refund', 'exchange', 'orders'],
    section: 'orders',
    body: p(
      'You can return unused items within 30 days of delivery.',
      ol('Open <strong>Account → Orders</strong> and choose the order.', 'Click <strong>Return items</strong> and select the items and a reason.', 'Print the prepaid label and drop the parcel at any carrier location.'),
      'Refunds go back to the original payment method within 5–7 business days after the return arrives at our warehouse.',
    ),
  },
  {
    id: 360_012_000_008,
    title: 'Downloading invoices and receipts',
    labels: ['invoice', 'receipt', 'billing', 'vat'],
    section: 'billing',
    body: p(
      'Every invoice is available under <strong>Settings → Billing → Invoices</strong>. Click the invoice date to download a PDF.',
      'To add a VAT number or a company address to future invoices, edit <strong>Billing details</strong>. Invoices already issued cannot be changed, but we can reissue the last 12 months on request.',
    ),
  },
  {
    id: 360_012_000_009,
    title: 'Updating your payment method',
    labels: ['payment method', 'credit card', 'billing', 'failed payment'],
    section: 'billing',
    body: p(
      'Go to <strong>Settings → Billing → Payment method</strong> and click <strong>Replace card</strong>. The new card is charged from the next billing date.',
      'If a payment failed, we retry it automatically after 3 and 7 days. Updating the card triggers an immediate retry.',
    ),
  },
  {
    id: 360_012_000_010,
    title: 'Changing your plan: upgrade, downgrade or cancel',
    labels: ['plan', 'upgrade', 'downgrade', 'subscription', 'billing'],
    section: 'billing',
    body: p(
      'Admins can change the plan under <strong>Settings → Billing → Plan</strong>.',
      'Upgrades take effect immediately and are prorated. Downgrades take effect at the end of the current billing period. To cancel, choose <strong>Cancel subscription</strong>; your data stays available until the end of the period.',
    ),
  },
  {
    id: 360_012_000_011,
    title: 'Exporting your data',
    labels: ['export', 'csv', 'data', 'backup', 'gdpr'],
    section: 'data',
    body: p(
      'Admins can export all records as CSV or JSON from <strong>Settings → Data → Export</strong>. Large exports are prepared in the background and we email a download link, valid for 7 days.',
      'For a copy of the personal data we hold about you (GDPR access request), use <strong>Profile → Privacy → Request my data</strong>.',
    ),
  },
  {
    id: 360_012_000_012,
    title: 'Connecting integrations (Slack, Salesforce, Shopify)',
    labels: ['integrations', 'slack', 'salesforce', 'shopify', 'api'],
    section: 'apps',
    body: p(
      'Open <strong>Settings → Integrations</strong>, choose the app and click <strong>Connect</strong>. You sign in to the other service and approve the requested permissions.',
      'If an integration shows <em>Disconnected</em>, the other service revoked our access (often after a password change there). Click <strong>Reconnect</strong>.',
    ),
  },
  {
    id: 360_012_000_013,
    title: 'Using the mobile app on iOS and Android',
    labels: ['mobile app', 'ios', 'android', 'notifications'],
    section: 'apps',
    body: p(
      'Download the app from the App Store or Google Play and sign in with the same email and password as on the web.',
      'If push notifications do not arrive, check that notifications are allowed for the app in your phone settings and that <strong>Profile → Notifications → Mobile</strong> is on.',
    ),
  },
  {
    id: 360_012_000_014,
    title: 'Adding team members and managing permissions',
    labels: ['team', 'users', 'permissions', 'roles', 'invite'],
    section: 'account',
    body: p(
      'Admins invite colleagues from <strong>Admin → Users → Invite</strong>. Each person gets the <em>Member</em> role by default; admins can change it to <em>Admin</em> or <em>Viewer</em>.',
      'Removing a user frees their seat immediately; their content stays in the account.',
    ),
  },
  {
    id: 360_012_000_015,
    title: 'Changing the email address or name on your account',
    labels: ['account update', 'email address', 'profile'],
    section: 'account',
    body: p(
      'Open <strong>Profile → Personal details</strong> to change your name. To change your email address, enter the new one and confirm it from the verification email we send there.',
      'Until you confirm, you keep signing in with the old address.',
    ),
  },
  {
    id: 360_012_000_016,
    title: 'Troubleshooting sync errors',
    labels: ['sync', 'error', 'troubleshooting', 'integrations'],
    section: 'data',
    body: p(
      'A red <em>Sync failed</em> badge means the last synchronisation did not complete. Open the badge to see the error message.',
      'Most sync errors are fixed by reconnecting the integration. If the error persists after reconnecting, send us the error message and the time it happened so our product team can investigate.',
    ),
  },
];
