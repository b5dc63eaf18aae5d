/** Handoff notifications: Slack Block Kit or a signed webhook, sent by `notify` jobs. See WEBHOOKS.md. */
export { handoffNotice, type HandoffNotice, type NoticeInput, type NotifyTarget } from './types.js';
export { buildSlackMessage, type SlackMessage } from './slack-message.js';
export { buildWebhookNotification, signatureHeader, verifySignature, SIGNATURE_HEADER, type WebhookNotification } from './webhook-notification.js';
export { sendNotification, RetryableNotificationError, PermanentNotificationError, type SendOptions } from './send.js';
export { notificationJobHandler, notifyJobs, NOTIFY_JOB, type NotifyJobPayload, type NotificationDeps } from './job.js';
export { notifyFromEnv } from './config.js';
