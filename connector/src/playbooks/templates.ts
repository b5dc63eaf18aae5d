/** Reply templates for the lookup-style playbooks. Plain text: Zendesk renders it as the comment. */
export const TEMPLATES: Record<string, (firstName: string) => string> = {
  password_reset: (n) =>
    `Hi ${n},\n\nYou can reset your password yourself in a minute:\n1. Go to the sign-in page and choose "Forgot password".\n2. Enter the e-mail address on your account.\n3. Open the link we send you (it is valid for 60 minutes) and choose a new password.\n\nIf the e-mail doesn't arrive within 5 minutes, check your spam folder and that the address is the one on your account, then reply here and we'll take it from there.`,
  account_locked: (n) =>
    `Hi ${n},\n\nFor your security, accounts lock for 30 minutes after several failed sign-in attempts, and then unlock on their own. After that, use "Forgot password" on the sign-in page to set a new password.\n\nIf you lost access to your two-factor device, use one of your backup codes, or reply here and a specialist will verify your identity and reset it.`,
  order_status: (n) =>
    `Hi ${n},\n\nYou can follow your order at any time under Account > Orders: it shows the current status, the carrier's tracking link and the estimated delivery date. Orders ship within 1 business day, and most arrive 2–5 business days after shipping.\n\nIf the tracking hasn't moved for 3 days, reply here and we'll open an investigation with the carrier.`,
  billing_question: (n) =>
    `Hi ${n},\n\nYou can download every invoice and receipt under Settings > Billing > Invoices, and each line there explains what the charge is for. Your payment method can be changed on the same page.\n\nIf a charge still looks wrong, reply with its date and amount and our billing team will look into it.`,
};
