/**
 * Getting in: forgotten passwords and locked accounts, the bulk of any night. Routine, and
 * automatable, until the reset mail does not arrive and the customer writes again.
 */
import { scenarioTheme, type Scenario } from './compose.js';

const RESET_FOLLOW_UPS = {
  calm: [
    'Never got the reset e-mail. Checked spam and promotions too.',
    'The link still has not arrived, could you send it again?',
    'Got it now, it was in junk. Thanks!',
    'Update: the e-mail came through but the link says it has expired already.',
  ],
  angry: [
    'still nothing, this is ridiculous',
    'I have requested the reset link FIVE times now. Nothing arrives. I need to get into my account tonight.',
    "I've tried that already. The reset page just says 'something went wrong'.",
    'This isn\'t working. I need someone to reset it manually.',
  ],
  rate: 0.16,
  angryShare: 0.45,
};

const PASSWORD_RESET: readonly Scenario[] = [
  {
    why: 'Forgot the password and asks for a reset link; the reset playbook covers it.',
    weight: 4,
    subjects: ['Forgot password', 'Password reset', 'Cant log in', "Can't remember my password", 'Login help', 'Reset my password please', 'password', 'Locked out of Stockroom (forgot pw)'],
    openers: [
      'Bit embarrassing but here goes.',
      'Hope someone can help tonight.',
      'I have a new laptop and of course the password did not come with it.',
      'Getting ready for a stock count tomorrow morning and hit a wall.',
      'My manager set this account up ages ago and I never wrote the password down.',
    ],
    problems: [
      'I forgot my password and cannot log into Stockroom.',
      "I can't remember the password for my Northwind account and the browser didn't save it.",
      'I have been trying to log in for the last {minutes} minutes and I clearly have the wrong password.',
      'I need to reset my password, the one I have is not working anymore.',
      "I'm locked out of {app} because I forgot my password. Username is {email}.",
      'Could you help me get back into my account? I have forgotten the password completely.',
      'I changed my password a while ago and now I cannot remember what I changed it to.',
      'The password I always use for {org} is not accepted on the Northwind login page.',
    ],
    details: [
      'The account is under {email}.',
      "I'm trying from {app} on {os}.",
      'I did not get any warning, it just says "Incorrect e-mail or password".',
      'I need it to check stock before we open tomorrow.',
      'We are on the {plan} plan if that matters.',
      'I also tried the password I use for the shop e-mail, no luck.',
    ],
    asks: [
      'Can you send me a reset link?',
      'Please send a password reset to this address.',
      'How do I reset it?',
      'Could you reset it for me or tell me how?',
      'What do I need to do to get back in?',
    ],
    chat: [
      'hi i forgot my password',
      'need a password reset please',
      'cant log in, forgot password',
      'how do I reset my password',
      'Hi, locked out, forgot my pw. email is {email}',
      'forgot password for stockroom, help',
      'Hello! I need to reset my password',
      'password not working and I forgot it, can you reset',
    ],
    followUps: RESET_FOLLOW_UPS,
  },
  {
    why: 'Reset e-mail did not arrive; resending the reset is routine.',
    weight: 3,
    subjects: ['Password reset email not arriving', 'No reset email', 'Reset link never came', 'Not receiving password reset', 'Reset email?'],
    openers: [
      'I clicked "Forgot password" on the login page a few times now.',
      'I requested a password reset about {minutes} minutes ago.',
      'Tried the self-service reset like the help page says.',
    ],
    problems: [
      'The reset e-mail never arrives. I checked spam, junk and promotions.',
      'I have asked for a password reset {n} times and no e-mail has come through.',
      'Nothing shows up in my inbox after I request a password reset.',
      'The page says "If an account exists we sent you an e-mail" but there is no e-mail.',
      'I am not getting the reset e-mail at {email}.',
    ],
    details: [
      'Our mail is hosted by our IT provider, maybe they block it?',
      'Other e-mails from you (order confirmations) do arrive fine.',
      'I also tried from {browser}.',
      'It might be that the account is under my old work address, I am not sure.',
    ],
    asks: ['Can you resend it or reset it from your side?', 'Please check if the e-mail is going out.', 'Can you send the link again?', 'What else can I try?'],
    chat: [
      'reset email not coming through',
      'i requested a password reset but got no email',
      'hi, no reset link in my inbox, checked spam',
      'password reset mail never arrives??',
    ],
    thread: {
      agent: [
        'I have sent a fresh password reset link to {email}. It is valid for 60 minutes. If it does not arrive within a few minutes, please check your spam folder.',
        'You can reset your password at any time from the login page using "Forgot password". The link in the e-mail expires after one hour.',
      ],
      replies: [
        'Thanks but I did not receive anything, not even in spam.',
        'Still no e-mail on my side, sorry. Could you try again?',
        'Nothing came through. Is there another way to reset it?',
      ],
    },
    followUps: RESET_FOLLOW_UPS,
  },
  {
    why: 'Reset link expired or invalid; sending a fresh one is routine.',
    weight: 2,
    subjects: ['Reset link expired', 'Password reset link not working', 'Invalid reset link', 'Link expired??'],
    problems: [
      'The password reset link says it has expired, even though I clicked it right away.',
      'When I open the reset link I get "This link is invalid or has already been used".',
      'I got the reset e-mail but the link takes me to a page that says token expired.',
      'The reset link opens the login page again instead of letting me choose a new password.',
    ],
    details: [
      'I opened it on my phone, then on the computer.',
      'Tried twice with {browser}.',
      'Maybe our e-mail scanner clicks the link before I do?',
      'It happened the last time too, about a month ago.',
    ],
    asks: ['Could you send me a new one?', 'How can I get a link that works?', 'Please help me reset the password.'],
    chat: ['reset link says expired', 'the password link is invalid, can you send another', 'link in the reset email doesnt work'],
    followUps: RESET_FOLLOW_UPS,
  },
  {
    why: 'New staff member cannot set a first password from the invite; a fresh invite or reset is routine.',
    weight: 1,
    subjects: ['Invite link expired', 'Set up password for new account', 'Cannot activate my user', 'Staff login'],
    problems: [
      'My manager invited me to {org} on Stockroom but the invite link expired before I set a password.',
      'I was added as a user last week and never set a password. Now I cannot log in.',
      'I started at {org} this week and need to set my password, but the e-mail from you is gone.',
    ],
    asks: ['Can you send me a new link to set my password?', 'What should I do?', 'Could you resend the invitation?'],
    chat: ['new staff here, my invite link expired', 'never set a password on my invite, how do I log in'],
    followUps: RESET_FOLLOW_UPS,
  },
];

const LOCK_FOLLOW_UPS = {
  calm: ['Still locked out, any news?', 'Just tried again and it still says locked.', 'Thanks, I can see the unlock e-mail now.'],
  angry: [
    'I have waited the 30 minutes like the message said, STILL LOCKED. This is ridiculous.',
    "I've tried that already. The account is still blocked and I have a shop to open.",
  ],
  rate: 0.14,
  angryShare: 0.4,
};

const ACCOUNT_LOCKED: readonly Scenario[] = [
  {
    why: 'Locked after too many attempts; the unlock playbook covers it.',
    weight: 3,
    subjects: ['Account locked', 'Locked out', 'Too many login attempts', 'My account is blocked', 'Account locked after password attempts'],
    problems: [
      'I tried my password too many times and now it says my account is locked.',
      'The login page says "Account temporarily locked due to too many failed attempts".',
      'After a few wrong passwords I got locked out of Stockroom.',
      'My account got locked this evening and I cannot get back in.',
      'It says my account is locked for security reasons. I only mistyped my password a couple of times.',
    ],
    details: [
      'It has been more than {minutes} minutes already.',
      'I am the only admin for {org}, so nobody else can unlock me.',
      'The e-mail is {email}.',
      'I was using {app}.',
    ],
    asks: ['Please unlock it.', 'Can you unlock my account?', 'How long until it unlocks?', 'Can you help me get back in?'],
    chat: ['my account is locked', 'locked out after too many tries', 'account locked pls help', 'hi it says too many attempts, account locked'],
    thread: {
      agent: ['For your security, accounts are locked for 30 minutes after five failed sign-in attempts. After that you can sign in again, or use "Forgot password" to choose a new password straight away.'],
      replies: ['It has been well over 30 minutes and it still says locked.', 'Thanks. I waited and tried again, same message. Can you unlock it from your side?'],
    },
    followUps: LOCK_FOLLOW_UPS,
  },
  {
    why: 'Sees a "disabled" or "suspended" message at login; checking and unlocking is routine.',
    weight: 1,
    subjects: ['Account disabled?', 'Account suspended message', 'Why is my user deactivated'],
    problems: [
      'When I log in I see "Your user has been deactivated. Contact your administrator." I am the administrator.',
      'The app says my account is suspended. We paid our invoice, so I do not know why.',
      'My login now shows "account disabled" and I have no idea what happened.',
    ],
    asks: ['Can you check and re-enable it?', 'What does this mean and how do I fix it?'],
    chat: ['it says my user is deactivated??', 'account suspended message when logging in'],
    followUps: LOCK_FOLLOW_UPS,
  },
  {
    why: 'Lost the two-factor device and cannot log in; the account-recovery playbook covers it.',
    weight: 2,
    subjects: ['Lost my phone - 2FA', 'Two-factor code not working', 'Cannot get past 2FA', 'New phone, authenticator gone'],
    problems: [
      'I got a new phone and my authenticator app did not transfer, so I cannot get the 2FA code.',
      'The six-digit code from my authenticator is always rejected.',
      'I lost my phone over the weekend and cannot log in because of two-factor authentication.',
      'I do not have my backup codes and the 2FA text message never comes.',
    ],
    details: ['My number is still the same.', 'I am the account owner for {org}.', 'I can verify my identity with the card ending {last4}.'],
    asks: ['How can I reset 2FA?', 'Can you turn off two-factor for my account so I can set it up again?', 'What is the recovery process?'],
    chat: ['lost my phone, cant do 2fa', '2fa code keeps failing', 'new phone, authenticator empty, locked out'],
    followUps: LOCK_FOLLOW_UPS,
    // Issue 11's safety net: a lost or stolen phone is always a person's (someone else may hold it).
    atRisk: { when: /\blost my phone\b/i, because: 'a lost phone is always a person\'s (money-or-security safety net)', team: 'trust_safety' },
  },
  {
    why: 'Admin asks to unlock a staff user; routine unlock.',
    weight: 1,
    subjects: ['Unlock a user', 'Staff member locked out', 'Please unlock my colleague'],
    problems: [
      'One of our cashiers is locked out of the T8 terminal login after too many PIN attempts.',
      'Our warehouse lead locked their account this evening. I am the admin but I do not see an unlock button.',
    ],
    asks: ['Can you unlock them or tell me where to do it?', 'How do I unlock a staff account?'],
    chat: ['how do i unlock a staff user who is locked out'],
    followUps: LOCK_FOLLOW_UPS,
  },
];

export const passwordResetTheme = scenarioTheme(PASSWORD_RESET, { angryTeam: 'general_support' });
export const accountLockedTheme = scenarioTheme(ACCOUNT_LOCKED, { angryTeam: 'general_support' });
