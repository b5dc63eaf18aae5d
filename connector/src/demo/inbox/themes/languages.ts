/**
 * Customers who write in their own language. Each is written whole, with its own greeting and
 * sign-off, because a Spanish mail with an English "Kind regards" bolted on would be fake.
 * Listed in the order they are used when a smaller inbox takes only some of them.
 */
import type { Market } from '../people.js';
import type { Channel, Intent } from '../types.js';

export interface ForeignTicket {
  intent: Intent;
  market: Exclude<Market, 'en'>;
  channel: Channel;
  /** The requester works for this organization; otherwise a private customer. */
  orgKey?: string;
  why: string;
  variants: readonly { subject: string; body: string; followUp?: string }[];
}

export const FOREIGN_TICKETS: readonly ForeignTicket[] = [
  {
    intent: 'password_reset',
    market: 'es',
    channel: 'email',
    orgKey: 'el-faro',
    why: 'Spanish: forgot the password and the reset mail does not arrive; routine reset.',
    variants: [
      {
        subject: 'No puedo entrar a mi cuenta',
        body: 'Hola:\n\nHe olvidado mi contraseña y no consigo entrar en Stockroom. He pulsado en «¿Olvidaste tu contraseña?», pero no me llega ningún correo, ni siquiera en la carpeta de spam.\n\n¿Me podéis enviar un enlace para restablecerla?\n\nGracias,\n{name}\n{org}',
        followUp: 'Sigo sin recibir el correo. ¿Lo podéis reenviar, por favor?',
      },
      {
        subject: 'Cambiar contraseña',
        body: 'Buenas noches:\n\nNecesito cambiar la contraseña de mi cuenta ({email}) porque no la recuerdo. Mañana a primera hora hacemos inventario y tengo que entrar en la aplicación.\n\n¿Cómo puedo restablecerla?\n\nUn saludo,\n{first}',
      },
    ],
  },
  {
    intent: 'refund_request',
    market: 'fr',
    channel: 'email',
    why: 'French: item arrived broken, or charged twice; wants the money back.',
    variants: [
      {
        subject: 'Demande de remboursement - commande {order}',
        body: "Bonjour,\n\nJ'ai reçu hier ma commande {order}, mais l'imprimante d'étiquettes LP4 est arrivée avec le boîtier fendu et elle ne s'allume pas.\n\nJe souhaite un remboursement complet, pas un échange. Je peux vous envoyer des photos si nécessaire.\n\nCordialement,\n{name}",
      },
      {
        subject: 'Double prélèvement',
        body: "Bonsoir,\n\nVous m'avez débité deux fois pour la commande {order} : deux paiements de {amount} sur ma carte. Merci de me rembourser le paiement en double dès que possible.\n\nBien à vous,\n{name}",
      },
    ],
  },
  {
    intent: 'bug_report',
    market: 'de',
    channel: 'email',
    orgKey: 'bergmann',
    why: 'German: reproducible crash or import error with steps and version; product support.',
    variants: [
      {
        subject: 'App stürzt beim Scannen ab',
        body: 'Hallo zusammen,\n\nseit dem Update auf Version 4.12.1 stürzt die iPad-App jedes Mal ab, sobald ich den Scanner öffne.\n\nSo lässt es sich nachstellen:\n1. App öffnen\n2. Auf „Scannen“ tippen\n3. Einen beliebigen Barcode scannen\n\nDie App schließt sich dann ohne Fehlermeldung. Neu installieren hat nicht geholfen.\n\nViele Grüße\n{name}\n{org}',
      },
      {
        subject: 'Fehler beim CSV-Import (E-3007)',
        body: "Guten Abend,\n\nbeim CSV-Import erhalten wir die Meldung „E-3007: Import failed: column 'sku' missing“, obwohl die Spalte in der Datei vorhanden ist. Die Datei ist UTF-8-kodiert und hat etwa 800 Zeilen.\n\nKönnten Sie sich das bitte ansehen? Die Datei schicke ich gern mit.\n\nMit freundlichen Grüßen\n{name}\n{org}",
      },
    ],
  },
  {
    intent: 'account_locked',
    market: 'ja',
    channel: 'email',
    orgKey: 'sakura-zakka',
    why: 'Japanese: locked out after failed attempts, or 2FA lost with a new phone; routine unlock.',
    variants: [
      {
        subject: 'アカウントがロックされました',
        body: 'Northwind サポートご担当者様\n\nいつもお世話になっております。{org}の{last}です。\n\nパスワードを何度か間違えてしまい、アカウントがロックされてしまいました。明日の朝に棚卸しがあるため、できるだけ早くロックを解除していただけますでしょうか。\n\nアカウントのメールアドレス：{email}\n\nよろしくお願いいたします。\n{last} {first}',
      },
      {
        subject: '二段階認証でログインできません',
        body: 'こんばんは。\n\n携帯電話を機種変更したところ、二段階認証のコードが受け取れなくなり、ログインできません。\n認証をリセットする方法を教えていただけますか。\n\n{org}\n{last}',
      },
    ],
  },
  {
    intent: 'order_status',
    market: 'pt',
    channel: 'chat',
    why: 'Portuguese: asks where an order is; order-status lookup.',
    variants: [
      { subject: 'Chat with {name}', body: 'Olá, meu pedido {order} ainda não chegou e o rastreamento não atualiza há dias. Podem verificar, por favor?' },
      { subject: 'Chat with {name}', body: 'oi! fiz uma compra semana passada (pedido {order}) e ainda não recebi o código de rastreio. quando vai ser enviado? valeu' },
    ],
  },
  {
    intent: 'billing_question',
    market: 'it',
    channel: 'email',
    orgKey: 'cartoleria-bellini',
    why: 'Italian: asks what a charge is, or for an invoice copy; billing lookup.',
    variants: [
      {
        subject: 'Addebito sulla carta',
        body: 'Buonasera,\n\nnell\'estratto conto della carta vedo un addebito di {charge} da "NW*STOCKROOM" e non capisco a cosa si riferisca. Potreste spiegarmi di che cosa si tratta?\n\nGrazie mille,\n{name}\n{org}',
      },
      {
        subject: 'Richiesta copia fattura',
        body: 'Salve,\n\navrei bisogno di una copia della fattura {invoice} intestata a {org}, con la nostra partita IVA. Potete inviarla a questo indirizzo?\n\nCordiali saluti,\n{first}',
      },
    ],
  },
  {
    intent: 'order_status',
    market: 'es',
    channel: 'web',
    why: 'Spanish: tracking has not moved; order-status lookup.',
    variants: [
      { subject: 'Pedido {order} sin noticias', body: 'Hola, hice el pedido {order} hace diez días y todavía no he recibido nada. En la web sigue poniendo «en preparación». ¿Me podéis decir cuándo lo vais a enviar? Gracias.' },
      { subject: 'Seguimiento no se actualiza', body: 'Buenas, el número de seguimiento {tracking} no se actualiza desde hace una semana. ¿Sabéis dónde está mi paquete? Es el pedido {order}. Un saludo, {first}' },
    ],
  },
  {
    intent: 'how_to',
    market: 'fr',
    channel: 'web',
    orgKey: 'atelier-lumiere',
    why: 'French: how-to question the Help Center answers.',
    variants: [
      { subject: 'Exporter mon inventaire', body: "Bonjour, comment puis-je exporter la liste de mon inventaire dans un fichier CSV ? Je ne trouve pas le bouton dans l'application. Merci d'avance !" },
      { subject: 'Connexion du scanner', body: "Bonjour, comment connecter le scanner S2 à mon iPad ? Il n'apparaît pas dans la liste Bluetooth. Merci, {first}" },
    ],
  },
];
